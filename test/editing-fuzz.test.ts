import fc from 'fast-check';
import { createApiKey, deleteApiKeys } from '../src/auth/apikey.service';
import { FACT_TYPES } from '../src/editing/editing-facts';
import { startTestServer, type TestServer } from './support/harness';

/**
 * Random proposals of every kind (fast-check): plausible fields, wrong types, injection strings,
 * quotes that are and are not in the source. Whatever comes in, the answer is data or a client
 * error with a stable code: never a 500, an unmasked error or a hang.
 */
describe('editing under random proposals', () => {
  let server: TestServer;
  let keyId = '';
  let token = '';

  beforeAll(async () => {
    server = await startTestServer(undefined, {
      WRITE_LIMIT_PER_KEY: '10000',
      WRITE_LIMIT_PER_ADDRESS: '10000',
    });
    const created = await createApiKey(server.executor, { name: 'fuzz-editor', role: 'EDITOR' });
    [keyId, token] = [created.key.id, created.token];
  });
  afterAll(async () => {
    await server.executor.write({
      cypher:
        'MATCH (c:Change {createdBy: $id}) OPTIONAL MATCH (e:ChangeEvent)-[:ON]->(c) DETACH DELETE e, c',
      params: { id: keyId },
    });
    await deleteApiKeys(server.executor, [keyId]);
    await server.close();
  });

  const text = fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.constantFrom(
      '530103',
      '530199',
      'fengqiao-experience',
      "x' OR 1=1 --",
      '}) MATCH (n) DETACH DELETE n //',
      '全区各级人民调解组织共调处各类矛盾纠纷7281件',
      '\u0000\uffff',
      'a'.repeat(5000),
    ),
  );
  const value = fc.oneof(
    text,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(text, { maxLength: 3 }),
    fc.dictionary(fc.constantFrom('quote', 'source', 'basis'), text),
  );
  const fields = [
    'id',
    'slug',
    'name',
    'nameEn',
    'pinyin',
    'kind',
    'region',
    'models',
    'category',
    'status',
    'indicator',
    'value',
    'unit',
    'time',
    'period',
    'reported',
    'citations',
    'editorial',
    'from',
    'to',
    'relation',
    'review',
    'text',
    'title',
    'published',
    'language',
    'origin',
    'principles',
    'derivedFrom',
  ];
  const junk = fc.dictionary(fc.constantFrom(...fields), value, { maxKeys: 12 });
  // Valid facts with a few fields replaced at random reach past the schema: references, quotes,
  // time, claims, conflicts.
  const QUOTE = '全区各级人民调解组织共调处各类矛盾纠纷7281件,调处成功7279件,调处成功率为99.97%。';
  const BASE: Record<string, Record<string, unknown>> = {
    PRACTICE: {
      id: 'fuzz-practice',
      name: '试点',
      nameEn: 'Pilot',
      region: '530103',
      models: ['fengqiao-experience'],
      category: 'MEDIATION',
      status: 'PILOT',
      citations: [QUOTE],
    },
    OBSERVATION: {
      id: 'fuzz-figure',
      indicator: 'disputes_mediated',
      value: 7281,
      unit: 'case',
      time: 'YEAR',
      period: '2020',
      region: '530103',
      reported: '矛盾纠纷7281件',
      citations: [QUOTE],
    },
    PRINCIPLE: { slug: 'fuzz-principle', name: '原则', nameEn: 'Principle', kind: 'MEASURE' },
    ORGANIZATION: {
      id: 'fuzz-org',
      name: '组织',
      nameEn: 'Org',
      kind: 'OTHER',
      region: '530103',
      citations: [QUOTE],
    },
    LINEAGE_LINK: {
      from: 'online-fengqiao-experience',
      to: 'fengqiao-experience',
      relation: 'EXTENSION',
      editorial: { basis: 'fuzz' },
      review: { verdict: 'EDITORIAL', reason: 'fuzz' },
    },
  };
  const proposal = fc.oneof(
    fc.tuple(fc.constantFrom(...FACT_TYPES), junk),
    fc
      .tuple(
        fc.constantFrom(...Object.keys(BASE)),
        fc.dictionary(fc.constantFrom(...fields), value, { maxKeys: 2 }),
      )
      .map(([t, over]) => [t, { ...BASE[t], ...over }] as const),
  );

  it('never answers a random proposal with a 500 or an unmasked error', async () => {
    const tally: Record<string, number> = {};
    let slowest = 0;
    await fc.assert(
      fc.asyncProperty(
        proposal,
        fc.option(fc.string({ maxLength: 120 })),
        async ([type, f], clientMutationId) => {
          const started = performance.now();
          const res = await fetch(server.url, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            signal: AbortSignal.timeout(15_000),
            body: JSON.stringify({
              query:
                'mutation($t: FactType!, $f: JSONObject!, $m: String) { proposeFact(input: { type: $t, fact: $f, clientMutationId: $m }) { id } }',
              variables: { t: type, f, m: clientMutationId },
            }),
          });
          slowest = Math.max(slowest, performance.now() - started);
          const body = (await res.json()) as {
            data?: unknown;
            errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
          };
          const error = body.errors?.[0];
          const outcome = error
            ? `${res.status} ${String(error.extensions?.code)}`
            : `${res.status} data`;
          tally[outcome] = (tally[outcome] ?? 0) + 1;
          expect(res.status).toBeLessThan(500);
          expect(error?.extensions?.code ?? 'none').not.toBe('INTERNAL_SERVER_ERROR');
          expect(error?.extensions?.stacktrace).toBeUndefined();
        },
      ),
      { numRuns: 200 },
    );
    console.log(
      `Random proposals: 200, slowest ${Math.round(slowest)} ms; outcomes ${JSON.stringify(tally)}`,
    );
  }, 120_000);
});
