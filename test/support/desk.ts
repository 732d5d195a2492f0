import type { Locator, Page } from 'playwright-core';
import { createApiKey, deleteApiKeys } from '../../src/auth/apikey.service';
import { testInstance } from '../../src/core/db/local-instances';
import { startTestServer, type TestServer } from './harness';
import { freePort } from './ports';

/**
 * Helpers of the review desk's browser test: a server whose own pages may write, real keys to
 * paste, and a count of what the editor had to do.
 */

/**
 * The real app on the test Neo4j, at an origin it allows to write (a browser sends `Origin` with
 * every POST, and mutations from origins not listed in CORS_WRITE_ORIGINS are refused).
 */
export async function startDeskServer(overrides: NodeJS.ProcessEnv = {}): Promise<TestServer> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  return startTestServer(
    testInstance(),
    { PUBLIC_URL: origin, CORS_WRITE_ORIGINS: origin, ...overrides },
    port,
  );
}

export interface DeskKeys {
  readonly editor: { readonly name: string; readonly token: string };
  readonly reviewer: { readonly name: string; readonly token: string };
  close(): Promise<void>;
}

/** An editor's and a reviewer's key, as `npm run keys -- create` makes them. */
export async function deskKeys(server: TestServer, suite: string): Promise<DeskKeys> {
  const editor = await createApiKey(server.executor, { name: `${suite}-editor`, role: 'EDITOR' });
  const reviewer = await createApiKey(server.executor, {
    name: `${suite}-reviewer`,
    role: 'REVIEWER',
  });
  return {
    editor: { name: editor.key.name, token: editor.token },
    reviewer: { name: reviewer.key.name, token: reviewer.token },
    close: () => deleteApiKeys(server.executor, [editor.key.id, reviewer.key.id]),
  };
}

/**
 * The user's actions, counted as they are made: a click, a field filled (typed or pasted), a
 * key pressed, a file chosen. `paused` leaves out what the test does only to check the desk.
 */
export class Steps {
  count = 0;
  paused = false;
  readonly log: string[] = [];

  constructor(private readonly page: Page) {}

  private note(what: string): void {
    if (this.paused) return;
    this.count += 1;
    this.log.push(what);
  }

  async click(target: Locator, what: string): Promise<void> {
    await target.click();
    this.note(`click ${what}`);
  }

  async fill(target: Locator, text: string, what: string): Promise<void> {
    await target.fill(text);
    this.note(`type ${what}`);
  }

  async press(key: string, what: string): Promise<void> {
    await this.page.keyboard.press(key);
    this.note(`press ${key} (${what})`);
  }

  async choose(target: Locator, file: string): Promise<void> {
    await target.setInputFiles(file);
    this.note(`choose the file ${file.split('/').pop()}`);
  }

  /** Runs checks whose actions are not the user's. */
  async aside<T>(check: () => Promise<T>): Promise<T> {
    this.paused = true;
    try {
      return await check();
    } finally {
      this.paused = false;
    }
  }
}

/**
 * Deletes what uploading a report wrote, published or not: its change sets (found by the
 * report's source id), every change in them or about its facts (keys start with the source id),
 * their events, and the facts they published — the source and its quotes, its figures, and the
 * indicators and units proposed with them. Safe to run before a test, after a failed run.
 */
export async function cleanUpload(
  server: TestServer,
  sourceId: string,
  /** Codes of indicators and units the test may delete: never the seed's own. */
  codePrefixes: readonly string[],
): Promise<void> {
  await server.executor.write({
    cypher: `OPTIONAL MATCH (s:ChangeSet) WHERE s.sourceId = $sourceId
      OPTIONAL MATCH (c:Change) WHERE c.setId = s.id OR c.factKey STARTS WITH $sourceId
      WITH collect(DISTINCT s) AS sets, collect(DISTINCT c) AS changes
      WITH sets, changes,
        [c IN changes WHERE c.factType IN ['INDICATOR', 'UNIT']
          AND any(p IN $codePrefixes WHERE c.factKey STARTS WITH p) | c.factKey] AS vocabulary,
        [c IN changes WHERE NOT c.factType IN ['INDICATOR', 'UNIT'] | c.factKey] AS facts
      CALL (vocabulary) { OPTIONAL MATCH (v) WHERE (v:Indicator OR v:Unit) AND v.code IN vocabulary DETACH DELETE v }
      CALL (facts) { OPTIONAL MATCH (n) WHERE (n:Source OR n:Observation OR n:Retracted OR n:GovernanceModel)
        AND coalesce(n.id, n.slug) IN facts DETACH DELETE n }
      CALL (changes) { UNWIND changes AS c OPTIONAL MATCH (e:ChangeEvent)-[:ON]->(c) DETACH DELETE e, c }
      CALL (sets) { UNWIND sets AS s DETACH DELETE s }
      WITH 1 AS _ OPTIONAL MATCH (q:Citation) WHERE q.sourceId = $sourceId DETACH DELETE q`,
    params: { sourceId, codePrefixes: [...codePrefixes] },
  });
}

/** Waits until `read` gives `expected` (the page updates after its requests), or fails with it. */
export async function eventually<T>(
  read: () => Promise<T>,
  expected: T,
  ms = 15_000,
): Promise<void> {
  const end = Date.now() + ms;
  let last: T = await read();
  while (JSON.stringify(last) !== JSON.stringify(expected) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 100));
    last = await read();
  }
  expect(last).toEqual(expected);
}

/** Whether the marked quote is inside the visible part of the report's scrolling pane. */
export const quoteInView = async (page: Page): Promise<boolean> =>
  (await page.evaluate(
    `(() => { const m = document.querySelector('mark#desk-quote').getBoundingClientRect(); const p = document.querySelector('.desk-text').getBoundingClientRect(); return m.top >= p.top && m.bottom <= p.bottom; })()`,
  )) as boolean;

/** What the tab keeps of the key: in sessionStorage, and whether localStorage holds it too. */
export const keptKey = async (page: Page, token: string) =>
  (await page.evaluate(
    `({ session: sessionStorage.getItem('zhili.review.key'), local: JSON.stringify(localStorage).includes(${JSON.stringify(token)}) })`,
  )) as { session: string | null; local: boolean };
