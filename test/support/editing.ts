import { createApiKey, deleteApiKeys } from '../../src/auth/apikey.service';
import type { Executor } from '../../src/core/db/executor';
import type { GqlResponse, TestServer } from './harness';

/**
 * Helpers of the editing tests: real API keys, operations sent as a role, a fact taken through
 * review, clean-up.
 */

export type Who = 'editor' | 'reviewer' | null;

export interface Editors {
  /** Sends one operation with the role's key (null: anonymous) over real HTTP. */
  as<T>(who: Who, query: string, variables?: Record<string, unknown>): Promise<GqlResponse<T>>;
  /** The role's bearer token, for requests beside GraphQL (the desk's upload). */
  token(who: 'editor' | 'reviewer'): string;
  /** Deletes the keys. */
  close(): Promise<void>;
}

/** An editor's and a reviewer's key on the server, named after the suite. */
export async function editorsOf(server: TestServer, suite: string): Promise<Editors> {
  const editor = await createApiKey(server.executor, { name: `${suite}-editor`, role: 'EDITOR' });
  const reviewer = await createApiKey(server.executor, {
    name: `${suite}-reviewer`,
    role: 'REVIEWER',
  });
  const tokens = { editor: editor.token, reviewer: reviewer.token };
  return {
    as: async <T>(who: Who, query: string, variables?: Record<string, unknown>) => {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (who) headers.authorization = `Bearer ${tokens[who]}`;
      const res = await fetch(server.url, {
        method: 'POST',
        headers,
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(30_000),
      });
      return { status: res.status, ...((await res.json()) as object) } as GqlResponse<T>;
    },
    token: (who) => tokens[who],
    close: () => deleteApiKeys(server.executor, [editor.key.id, reviewer.key.id]),
  };
}

export interface Step {
  id: string;
  status: string;
  version: number;
  operation: string;
  reason?: string | null;
}
export const STEP = 'id status version operation reason';

/** The answer's data, or a failed expectation that shows the errors. */
export function dataOf<T>(res: GqlResponse<T>): T {
  expect(res.errors).toBeUndefined();
  return res.data as T;
}

/** The first error's code, or OK. */
export const codeOf = (res: GqlResponse<unknown>): string =>
  String(res.errors?.[0]?.extensions?.code ?? 'OK');

export const propose = (e: Editors, type: string, fact: Record<string, unknown>) =>
  e.as<{ proposeFact: Step }>(
    'editor',
    `mutation($t: FactType!, $f: JSONObject!) { proposeFact(input: { type: $t, fact: $f }) { ${STEP} } }`,
    { t: type, f: fact },
  );

/** submitChange, publishChange … on a change, as a role. */
export const step = (e: Editors, who: Who, name: string, id: string, version: number) =>
  e.as<Record<string, Step>>(
    who,
    `mutation($id: ID!, $v: Int!) { ${name}(id: $id, version: $v) { ${STEP} } }`,
    { id, v: version },
  );

/** Proposes, submits and publishes one fact; returns the published change. */
export async function publishFact(
  e: Editors,
  type: string,
  fact: Record<string, unknown>,
): Promise<Step> {
  const proposed = dataOf(await propose(e, type, fact)).proposeFact;
  const submitted = dataOf(
    await step(e, 'editor', 'submitChange', proposed.id, proposed.version),
  ).submitChange!;
  return dataOf(await step(e, 'reviewer', 'publishChange', submitted.id, submitted.version))
    .publishChange!;
}

export const retract = (
  e: Editors,
  who: Who,
  type: string,
  key: string,
  version: number,
  reason = '测试撤回',
) =>
  e.as<{ retractFact: Step }>(
    who,
    `mutation($t: FactType!, $k: String!, $v: Int!, $r: String!) { retractFact(type: $t, key: $k, version: $v, reason: $r) { ${STEP} } }`,
    { t: type, k: key, v: version, r: reason },
  );

export const factVersion = async (e: Editors, type: string, key: string): Promise<number | null> =>
  dataOf(
    await e.as<{ factVersion: number | null }>(
      'editor',
      'query($t: FactType!, $k: String!) { factVersion(type: $t, key: $k) }',
      { t: type, k: key },
    ),
  ).factVersion;

export const factHistory = async (e: Editors, type: string, key: string) =>
  dataOf(
    await e.as<{
      factHistory: Array<
        Step & { events: Array<{ action: string; to: string; reason: string | null }> }
      >;
    }>(
      'editor',
      `query($t: FactType!, $k: String!) { factHistory(type: $t, key: $k) { ${STEP} events { action to reason } } }`,
      { t: type, k: key },
    ),
  ).factHistory;

/**
 * Deletes what a suite wrote: its changes and their events (by fact key prefix), its nodes live or
 * retracted (by key prefix), and the quotes of its own sources.
 */
export async function cleanEditing(
  executor: Executor,
  prefix: string,
  sources: readonly string[] = [],
): Promise<void> {
  await executor.write({
    cypher: `OPTIONAL MATCH (c:Change) WHERE c.factKey STARTS WITH $prefix OPTIONAL MATCH (e:ChangeEvent)-[:ON]->(c) DETACH DELETE e, c
      WITH count(*) AS _ OPTIONAL MATCH (n) WHERE (n:Source OR n:Principle OR n:Organization OR n:GovernanceModel OR n:Practice OR n:Observation OR n:Retracted)
        AND coalesce(n.id, n.slug) STARTS WITH $prefix DETACH DELETE n
      WITH count(*) AS _ OPTIONAL MATCH (q:Citation) WHERE q.sourceId IN $sources DETACH DELETE q`,
    params: { prefix, sources },
  });
}
