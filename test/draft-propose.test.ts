import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { createApiKey, deleteApiKeys } from '../src/auth/apikey.service';
import { runCli } from '../src/cli/zhili';
import { PROJECT_ROOT } from '../src/core/config';
import { cleanEditing, dataOf, type Editors, editorsOf, step } from './support/editing';
import { startTestServer, type TestServer } from './support/harness';

/**
 * A second report (fictional, about 宾川县 in Dali) drafted and proposed through the API with an
 * editor's key: the source first, its figures once a reviewer has published it, each fact once
 * however often the command runs, and nothing published by the command.
 */
describe('zhili draft --propose and zhili propose', () => {
  const REPORT = path.join(PROJECT_ROOT, 'test', 'fixtures', 'binchuan-2021-mediation-notes.txt');
  const SOURCE = 'binchuan-2021-mediation-notes';
  let server: TestServer;
  let e: Editors;
  let keyId = '';
  let token = '';
  let dir = '';
  let modelSlugs: string[] = [];
  /** The new units and indicators the draft proposes: their changes are cleaned too. */
  let vocabularyCodes: string[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    e = await editorsOf(server, 'draft-propose');
    const key = await createApiKey(server.executor, { name: 'draft-propose-cli', role: 'EDITOR' });
    [keyId, token] = [key.key.id, key.token];
    dir = mkdtempSync(path.join(os.tmpdir(), 'zhili-draft-propose-'));
  });
  afterAll(async () => {
    for (const prefix of [SOURCE, ...modelSlugs, ...vocabularyCodes])
      await cleanEditing(server.executor, prefix, [SOURCE]);
    await deleteApiKeys(server.executor, [keyId]);
    await e.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Runs the tool in-process as a user would, the key in the environment. */
  const zhili = async (...argv: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(argv, {
      out: (c) => void out.push(String(c)),
      err: (l) => void err.push(l),
      env: { ZHILI_TOKEN: token },
      interactive: false,
    });
    return { code, out: out.join(''), err: err.join('\n') };
  };
  const yamlList = (file: string, key: string) =>
    (
      (existsSync(path.join(dir, file))
        ? parse(readFileSync(path.join(dir, file), 'utf8'))
        : {}) as Record<string, Array<Record<string, unknown>>>
    )[key] ?? [];
  type C = { id: string; factType: string; factKey: string; status: string; version: number };
  const openChanges = async (): Promise<C[]> => {
    const q =
      'query($after: String) { changes(status: [DRAFT, IN_REVIEW, PUBLISHED], first: 100, after: $after) { edges { node { id factType factKey status version } } pageInfo { hasNextPage endCursor } } }';
    const all: C[] = [];
    for (let after: string | null = null; ;) {
      type Page = {
        edges: Array<{ node: C }>;
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
      };
      const page: Page = dataOf(await e.as<{ changes: Page }>('editor', q, { after })).changes;
      all.push(...page.edges.map((edge) => edge.node));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    return all.filter((c) => c.factKey.startsWith(SOURCE) || modelSlugs.includes(c.factKey));
  };

  it('proposes the source, waits for it, proposes the figures it can, never twice, and publishes nothing', async () => {
    const first = await zhili(
      'draft',
      REPORT,
      '-o',
      dir,
      '--no-check',
      '--propose',
      '--endpoint',
      server.url,
    );
    console.log(`first run (draft --propose):\n${first.out}`);
    expect(first).toMatchObject({ code: 0, err: '' });
    const figures = yamlList('observations.yaml', 'observations');
    const newIndicators = new Set(yamlList('indicators.yaml', 'indicators').map((i) => i.code));
    const newUnits = yamlList('units.yaml', 'units').map((u) => String(u.code));
    vocabularyCodes = [...[...newIndicators].map(String), ...newUnits];
    // The source and the new indicators (on known units) and units, which rest on nothing.
    expect(first.out).toMatch(/proposed \d+ \([^)]*SOURCE 1[^)]*\)/);
    if (newIndicators.size > 0 && newUnits.length === 0)
      expect(first.out).toContain(`INDICATOR ${newIndicators.size}`);
    modelSlugs = yamlList('models.yaml', 'models').map((m) => String(m.slug));
    expect(first.out).toContain(`source ${SOURCE} is not published yet`);
    expect(first.out).toContain(`waiting ${figures.length + modelSlugs.length}`);
    const [source, ...others] = await openChanges();
    expect(others).toEqual([]);
    expect(source).toMatchObject({ factType: 'SOURCE', factKey: SOURCE, status: 'DRAFT' });

    const submitted = dataOf(
      await step(e, 'editor', 'submitChange', source!.id, source!.version),
    ).submitChange!;
    expect(
      dataOf(await step(e, 'reviewer', 'publishChange', submitted.id, submitted.version))
        .publishChange,
    ).toMatchObject({ status: 'PUBLISHED' });

    const second = await zhili('propose', dir, '--endpoint', server.url);
    console.log(`second run (after the source was published):\n${second.out}`);
    expect(second.code).toBe(0);
    // Known indicators and Yunnan regions, not a rate (its parts are drafts, not published):
    // proposed.
    const ready = figures
      .filter((f) => !newIndicators.has(f.indicator) && f.numerator === undefined)
      .map((f) => String(f.id));
    const waiting = figures.filter((f) => !ready.includes(String(f.id)));
    expect(ready.length).toBeGreaterThanOrEqual(3);
    expect(waiting.some((f) => newIndicators.has(f.indicator))).toBe(true);
    const drafts = (await openChanges()).filter((c) => c.status === 'DRAFT');
    expect(
      drafts
        .filter((c) => c.factType === 'OBSERVATION')
        .map((c) => c.factKey)
        .sort(),
    ).toEqual([...ready].sort());
    expect(drafts.filter((c) => c.factType === 'MODEL').map((c) => c.factKey)).toEqual(modelSlugs);
    expect(second.out).toContain(
      `proposed ${ready.length + modelSlugs.length} (${modelSlugs.length > 0 ? `MODEL ${modelSlugs.length}, ` : ''}OBSERVATION ${ready.length})`,
    );
    expect(second.out).toContain('already published 1 (SOURCE 1)');
    expect(second.out).toMatch(
      /needs the new indicator draft_\w+ \(.+\), proposed with this draft: a reviewer publishes it, then run zhili propose again:/,
    );
    for (const f of waiting) expect(second.out).toContain(`OBSERVATION ${String(f.id)}`);

    const before = (await openChanges()).length;
    const third = await zhili('propose', dir, '--endpoint', server.url);
    console.log(`third run:\n${third.out}`);
    expect(third.code).toBe(0);
    expect(third.out).toContain('proposed 0');
    expect(third.out).toMatch(/already open \d+/);
    expect((await openChanges()).length).toBe(before);

    for (const f of figures) {
      const res = await server.gql<{ observation: unknown }>(
        'query($id: String!) { observation(id: $id) { id } }',
        { id: f.id },
      );
      expect(res.data?.observation).toBeNull();
    }
    for (const slug of modelSlugs)
      expect(
        (
          await server.gql<{ model: unknown }>('query($s: String!) { model(slug: $s) { slug } }', {
            s: slug,
          })
        ).data?.model,
      ).toBeNull();
  });

  it('answers 1 with the field problems when the API refuses an edited figure, and proposes nothing for it', async () => {
    const figures = yamlList('observations.yaml', 'observations');
    const edited = figures.find((f) => String(f.indicator).startsWith('draft_'))!;
    Object.assign(edited, {
      indicator: 'disputes_screened',
      unit: 'case',
      reported: '这句话不在引文里',
    });
    writeFileSync(path.join(dir, 'observations.yaml'), stringify({ observations: figures }));
    const before = (await openChanges()).length;
    const run = await zhili('propose', dir, '--endpoint', server.url);
    expect(run.code).toBe(1);
    expect(run.out).toContain(
      `refused 1 (OBSERVATION 1)\n    OBSERVATION ${String(edited.id)}:\n      fact.reported: is not inside any of its quotes`,
    );
    expect((await openChanges()).length).toBe(before);
  });

  it('answers 2 without an endpoint or key, 3 when the endpoint does not answer, 1 when the key is refused', async () => {
    expect((await zhili('propose', dir)).code).toBe(2);
    const unreachable = await zhili('propose', dir, '--endpoint', 'http://127.0.0.1:9/graphql');
    expect(unreachable.code).toBe(3);
    expect(unreachable.err).toMatch(/did not answer/);
    const refused = await runCli(
      ['propose', dir, '--endpoint', server.url, '--token', 'zk_not_a_key'],
      { out: () => undefined, err: () => undefined, env: {}, interactive: false },
    );
    expect(refused).toBe(1);
  });
});
