import path from 'node:path';
import { createApiKey, deleteApiKeys } from '../src/auth/apikey.service';
import { PROJECT_ROOT } from '../src/core/config';
import { loadSeed } from '../src/seed/seed-load';
import { type GqlResponse, startTestServer, type TestServer } from './support/harness';

/** Proposals, review and publishing through the API, on the real Neo4j, with real API keys. */
describe('editing: propose, review, publish', () => {
  let server: TestServer;
  const keyIds: string[] = [];
  const tokens: Record<'editor' | 'reviewer' | 'second', string> = {
    editor: '',
    reviewer: '',
    second: '',
  };
  const PRACTICE = 'editing-test-practice';
  const QUOTE = '全区各级人民调解组织共调处各类矛盾纠纷7281件,调处成功7279件,调处成功率为99.97%。';
  const fact = (over: Record<string, unknown> = {}) => ({
    id: PRACTICE,
    name: '测试实践',
    nameEn: 'Test practice',
    region: '530103',
    models: ['fengqiao-experience'],
    category: 'MEDIATION',
    status: 'ROLLED_OUT',
    citations: [QUOTE],
    ...over,
  });

  beforeAll(async () => {
    // Higher write limits than the defaults: one test makes 120 proposals at once. The response
    // cache is on, as in production, so the public reads below also show that a publish is never
    // hidden by a cached answer.
    server = await startTestServer(undefined, {
      WRITE_LIMIT_PER_KEY: '1000',
      WRITE_LIMIT_PER_ADDRESS: '1000',
      RESPONSE_CACHE_SECONDS: '300',
      // Admit all 100 concurrent proposals, so that the race is decided by the database, not by
      // admission control.
      MAX_CONCURRENT_REQUESTS: '128',
      MAX_QUEUED_REQUESTS: '128',
      QUEUE_TIMEOUT_MS: '10000',
    });
    for (const role of ['editor', 'reviewer', 'second'] as const) {
      const created = await createApiKey(server.executor, {
        name: `editing-test-${role}`,
        role: role === 'editor' ? 'EDITOR' : 'REVIEWER',
      });
      keyIds.push(created.key.id);
      tokens[role] = created.token;
    }
  });
  afterAll(async () => {
    await server.executor.write({
      cypher: `OPTIONAL MATCH (c:Change) WHERE c.target STARTS WITH 'PRACTICE:editing-test-' OPTIONAL MATCH (e:ChangeEvent)-[:ON]->(c) DETACH DELETE e, c
        WITH count(*) AS _ OPTIONAL MATCH (p) WHERE (p:Practice OR p:Retracted) AND p.id STARTS WITH 'editing-test-' DETACH DELETE p`,
    });
    await deleteApiKeys(server.executor, keyIds);
    await server.close();
  });

  const as = async <T>(
    who: 'editor' | 'reviewer' | 'second' | null,
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GqlResponse<T>> => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (who) headers.authorization = `Bearer ${tokens[who]}`;
    const res = await fetch(server.url, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, variables }),
    });
    return { status: res.status, ...((await res.json()) as object) } as GqlResponse<T>;
  };
  type C = {
    id: string;
    status: string;
    version: number;
    operation: string;
    events?: Array<{ action: string; to: string }>;
  };
  const CHANGE = 'id status version operation';
  const propose = (
    f: Record<string, unknown>,
    clientMutationId?: string,
    who: 'editor' | 'reviewer' | null = 'editor',
  ) =>
    as<{ proposeFact: C }>(
      who,
      `mutation($f: JSONObject!, $m: String) { proposeFact(input: { type: PRACTICE, fact: $f, clientMutationId: $m }) { ${CHANGE} } }`,
      { f, m: clientMutationId },
    );
  const step = (who: 'editor' | 'reviewer' | 'second', name: string, id: string, version: number) =>
    as<Record<string, C>>(
      who,
      `mutation($id: ID!, $v: Int!) { ${name}(id: $id, version: $v) { ${CHANGE} } }`,
      { id, v: version },
    );
  const publicPractice = async () =>
    (
      await as<{
        practice: { name: string; citations: Array<{ quote: string; offset: number }> } | null;
      }>(null, `{ practice(id: "${PRACTICE}") { name citations { quote offset } } }`)
    ).data!.practice;

  it('refuses a fact with unknown references and quotes not in the source, naming each field', async () => {
    const res = await propose(fact({ region: '530199', citations: ['这句话不在报道里'] }));
    expect(res.status).toBe(200);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    const fields = (res.errors![0]!.extensions!.problems as Array<{ field: string }>).map(
      (p) => p.field,
    );
    expect(fields).toEqual(expect.arrayContaining(['fact.region', 'fact.citations.0']));
    expect((await propose({ id: 'Bad Id' })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses writes without a valid token, and publishing by an editor', async () => {
    expect((await propose(fact(), undefined, null)).errors?.[0]?.extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
    const draft = (await propose(fact({ id: 'editing-test-forbidden' }))).data!.proposeFact;
    const submitted = (await step('editor', 'submitChange', draft.id, draft.version)).data!
      .submitChange!;
    const res = await step('editor', 'publishChange', submitted.id, submitted.version);
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('keeps a draft out of the public graph until a reviewer publishes it, then shows it with its quote and history', async () => {
    const draft = (await propose(fact())).data!.proposeFact;
    expect(draft).toMatchObject({ status: 'DRAFT', version: 1, operation: 'CREATE' });
    expect(await publicPractice()).toBeNull();
    const stale = await step('editor', 'submitChange', draft.id, 7);
    expect(stale.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const submitted = (await step('editor', 'submitChange', draft.id, 1)).data!.submitChange!;
    expect(submitted).toMatchObject({ status: 'IN_REVIEW', version: 2 });
    expect(await publicPractice()).toBeNull();
    const published = (await step('reviewer', 'publishChange', draft.id, 2)).data!.publishChange!;
    expect(published).toMatchObject({ status: 'PUBLISHED', version: 3 });
    const shown = await publicPractice();
    expect(shown?.name).toBe('测试实践');
    expect(shown?.citations.map((c) => c.quote)).toEqual([QUOTE]);
    const history = await as<{ factHistory: C[] }>(
      'editor',
      `{ factHistory(type: PRACTICE, key: "${PRACTICE}") { ${CHANGE} events { action to } } }`,
    );
    expect(history.data!.factHistory[0]!.events!.map((e) => `${e.action}>${e.to}`)).toEqual([
      'CREATE>DRAFT',
      'SUBMIT>IN_REVIEW',
      'PUBLISH>PUBLISHED',
    ]);
    expect(
      (await as(null, `{ factHistory(type: PRACTICE, key: "${PRACTICE}") { id } }`)).errors?.[0]
        ?.extensions?.code,
    ).toBe('UNAUTHENTICATED');
  });

  it('lets one of two reviewers publishing the same version win, and refuses the other; the winner may repeat it', async () => {
    const draft = (await propose(fact({ name: '测试实践(修订)' }))).data!.proposeFact;
    expect(draft.operation).toBe('UPDATE');
    const submitted = (await step('editor', 'submitChange', draft.id, draft.version)).data!
      .submitChange!;
    const both = await Promise.all(
      (['reviewer', 'second'] as const).map((who) =>
        step(who, 'publishChange', submitted.id, submitted.version),
      ),
    );
    const codes = both.map((r) => r.errors?.[0]?.extensions?.code ?? 'OK').sort();
    expect(codes).toEqual(['CONFLICT', 'OK']);
    expect((await publicPractice())?.name).toBe('测试实践(修订)');
    // The winner sending it again (a retry) is told it is published, and nothing is published
    // twice.
    const winner = both[0]!.errors ? 'second' : 'reviewer';
    expect(
      (await step(winner, 'publishChange', submitted.id, submitted.version)).data!.publishChange,
    ).toMatchObject({ status: 'PUBLISHED', version: submitted.version + 1 });
    const history = await as<{ factHistory: C[] }>(
      'editor',
      `{ factHistory(type: PRACTICE, key: "${PRACTICE}") { ${CHANGE} events { action } } }`,
    );
    expect(history.data!.factHistory[0]!.events!.map((e) => e.action)).toEqual([
      'CREATE',
      'SUBMIT',
      'PUBLISH',
    ]);
  });

  it('keeps a published fact when the seed is loaded again: the seed neither drops nor overwrites what the API wrote', async () => {
    await loadSeed(server.executor, {
      seedDir: path.join(PROJECT_ROOT, 'seed'),
      provinces: ['53'],
    });
    const shown = await publicPractice();
    expect(shown?.name).toBe('测试实践(修订)');
    expect(shown?.citations.map((c) => c.quote)).toEqual([QUOTE]);
  }, 120_000);

  it('retracts a published fact: gone from public reads, kept in its history with the reason', async () => {
    const retract = (version: number) =>
      as<{ retractFact: C & { reason: string } }>(
        'reviewer',
        `mutation($v: Int!) { retractFact(type: PRACTICE, key: "${PRACTICE}", version: $v, reason: "测试撤回") { ${CHANGE} reason } }`,
        { v: version },
      );
    expect((await retract(1)).errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(
      (
        await as(
          'editor',
          `mutation { retractFact(type: PRACTICE, key: "${PRACTICE}", version: 2, reason: "x") { id } }`,
        )
      ).errors?.[0]?.extensions?.code,
    ).toBe('FORBIDDEN');
    // Created at version 1, updated to 2.
    expect(
      (
        await as<{ factVersion: number }>(
          'editor',
          `{ factVersion(type: PRACTICE, key: "${PRACTICE}") }`,
        )
      ).data!.factVersion,
    ).toBe(2);
    const done = (await retract(2)).data!.retractFact;
    expect(done).toMatchObject({ status: 'RETRACTED', operation: 'RETRACT', reason: '测试撤回' });
    expect(await publicPractice()).toBeNull();
    const history = (
      await as<{ factHistory: C[] }>(
        'editor',
        `{ factHistory(type: PRACTICE, key: "${PRACTICE}") { ${CHANGE} } }`,
      )
    ).data!.factHistory;
    expect(history.map((c) => `${c.operation}:${c.status}`)).toEqual([
      'RETRACT:RETRACTED',
      'UPDATE:PUBLISHED',
      'CREATE:PUBLISHED',
    ]);
    // Retracted already: its state forbids the step.
    expect((await retract(3)).errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });

  it('turns 100 concurrent identical proposals into one change, and retries with the same client id into the same one', async () => {
    const id = 'editing-test-concurrent';
    // From one key, identical proposals are retries of one: each answers with the one change made.
    const results = await Promise.all(Array.from({ length: 100 }, () => propose(fact({ id }))));
    const tally = results
      .map((r) =>
        r.data?.proposeFact ? r.data.proposeFact.id : String(r.errors![0]!.extensions!.code),
      )
      .reduce<Record<string, number>>((t, k) => ({ ...t, [k]: (t[k] ?? 0) + 1 }), {});
    console.log(`100 concurrent identical proposals from one key: ${JSON.stringify(tally)}`);
    expect(Object.values(tally)).toEqual([100]);
    // From another key, the same fact is another proposal: CONFLICT, naming the open change.
    const other = await propose(fact({ id }), undefined, 'reviewer');
    expect(other.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      changeId: Object.keys(tally)[0],
    });
    const retried = await Promise.all(
      Array.from({ length: 20 }, () => propose(fact({ id: 'editing-test-retried' }), 'client-42')),
    );
    const ids = new Set(
      retried.map(
        (r) => r.data?.proposeFact.id ?? `error ${String(r.errors?.[0]?.extensions?.code)}`,
      ),
    );
    expect([...ids]).toHaveLength(1);
    expect([...ids][0]).not.toMatch(/^error/);
    const [count] = await server.executor.read({
      cypher:
        "MATCH (c:Change) WHERE c.target IN ['PRACTICE:editing-test-concurrent', 'PRACTICE:editing-test-retried'] RETURN count(c) AS n",
    });
    expect(count!.n).toBe(2);
  });
});
