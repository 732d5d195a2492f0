import {
  cleanEditing,
  codeOf,
  dataOf,
  type Editors,
  editorsOf,
  factHistory,
  factVersion,
  publishFact,
  retract,
} from './support/editing';
import { startTestServer, type TestServer } from './support/harness';

/**
 * Retraction of every kind of fact (practices and lineage links are also in test/editing.test.ts
 * and test/editing-kinds.test.ts). The rule: a fact that published facts rest on is not retracted;
 * the refusal is a CONFLICT naming them. Once nothing rests on it, it leaves every public read
 * and is kept, with its reason, in its history; retracting it again is a CONFLICT (unless it is the
 * same reviewer repeating the same retraction, which is answered with it).
 */
describe('editing: retraction of each kind of fact', () => {
  let server: TestServer;
  let e: Editors;
  const PREFIX = 'retract-test-';
  const SOURCE = `${PREFIX}source`;
  const REGION = '530323';
  const TEXT =
    '2022年,撤回县共调解纠纷80件,调解成功78件。撤回县探索形成“撤回调解法”,这是撤回县首创的调解机制。撤回县调解中心参与调解。';
  const cite = (quote: string) => [{ quote, source: SOURCE }];
  const FACTS: Array<[string, Record<string, unknown>]> = [
    [
      'SOURCE',
      {
        id: SOURCE,
        title: '撤回测试报道',
        published: '2022-03-01T10:00:00+08:00',
        language: 'zh',
        kind: 'MEDIA',
        text: TEXT,
      },
    ],
    [
      'PRINCIPLE',
      {
        slug: `${PREFIX}principle`,
        name: '撤回原则',
        nameEn: 'Retraction principle',
        kind: 'MEASURE',
      },
    ],
    [
      'ORGANIZATION',
      {
        id: `${PREFIX}org`,
        name: '撤回县调解中心',
        nameEn: 'Retraction county mediation centre',
        kind: 'COMMITTEE',
        region: REGION,
        citations: cite('撤回县调解中心参与调解'),
      },
    ],
    [
      'MODEL',
      {
        slug: `${PREFIX}method`,
        name: '撤回调解法',
        nameEn: 'Retraction mediation method',
        pinyin: 'Chèhuí Tiáojiě Fǎ',
        kind: 'MECHANISM',
        citations: cite('撤回县探索形成“撤回调解法”'),
        principles: [{ slug: `${PREFIX}principle`, citations: cite('这是撤回县首创的调解机制') }],
      },
    ],
    [
      'LINEAGE_LINK',
      {
        from: `${PREFIX}method`,
        to: 'fengqiao-experience',
        relation: 'INSPIRATION',
        editorial: { basis: 'a test of retraction' },
        review: { verdict: 'EDITORIAL', reason: 'no quote states it' },
      },
    ],
    [
      'PRACTICE',
      {
        id: `${PREFIX}practice`,
        name: '撤回实践',
        nameEn: 'Retraction practice',
        region: REGION,
        models: [`${PREFIX}method`],
        category: 'MEDIATION',
        status: 'PILOT',
        organizations: [`${PREFIX}org`],
        citations: cite('撤回县调解中心参与调解'),
      },
    ],
    [
      'OBSERVATION',
      {
        id: `${PREFIX}disputes`,
        indicator: 'disputes_mediated',
        value: 80,
        unit: 'case',
        time: 'YEAR',
        period: '2022',
        region: REGION,
        practice: `${PREFIX}practice`,
        reported: '共调解纠纷80件',
        citations: cite('2022年,撤回县共调解纠纷80件'),
      },
    ],
    [
      'OBSERVATION',
      {
        id: `${PREFIX}settled`,
        indicator: 'disputes_mediated_successfully',
        value: 78,
        unit: 'case',
        time: 'YEAR',
        period: '2022',
        region: REGION,
        denominator: `${PREFIX}disputes`,
        reported: '调解成功78件',
        citations: cite('2022年,撤回县共调解纠纷80件,调解成功78件'),
      },
    ],
  ];

  beforeAll(async () => {
    server = await startTestServer(undefined, {
      WRITE_LIMIT_PER_KEY: '1000',
      WRITE_LIMIT_PER_ADDRESS: '1000',
    });
    e = await editorsOf(server, 'retract-test');
  });
  afterAll(async () => {
    await cleanEditing(server.executor, PREFIX, [SOURCE]);
    await e.close();
    await server.close();
  });

  /** Every public read that could show the fact: true where it does. Each read must succeed. */
  const shown = async (
    type: string,
    key: string,
    name: string,
  ): Promise<Record<string, boolean>> => {
    if (type === 'LINEAGE_LINK') {
      const [from, to] = key.split('>');
      const res = await server.gql<{ lineage: { edges: Array<{ to: { slug: string } }> } }>(
        'query($s: String!) { lineage(slug: $s, direction: UPSTREAM, maxDepth: 1) { edges { to { slug } } } }',
        { s: from },
      );
      return { lineage: dataOf(res).lineage.edges.some((x) => x.to.slug === to) };
    }
    const label = {
      SOURCE: 'Source',
      PRINCIPLE: 'Principle',
      ORGANIZATION: 'Organization',
      MODEL: 'GovernanceModel',
      PRACTICE: 'Practice',
      OBSERVATION: 'Observation',
    }[type]!;
    const searchType = {
      PRINCIPLE: 'PRINCIPLE',
      ORGANIZATION: 'ORGANIZATION',
      MODEL: 'MODEL',
      PRACTICE: 'PRACTICE',
    }[type];
    const byKey = {
      PRINCIPLE: `principle(slug: $k) { id }`,
      MODEL: `model(slug: $k) { id }`,
      PRACTICE: `practice(id: $k) { id }`,
      OBSERVATION: `observation(id: $k) { id }`,
    }[type];
    const query = `query($id: ID!${byKey ? ', $k: String!' : ''}${searchType ? ', $name: String!' : ''}) { node(id: $id) { id } ${byKey ? `byKey: ${byKey}` : ''}
      ${searchType ? `search(text: $name, types: [${searchType}], first: 50) { id }` : ''}
      observations(filter: { regionCode: "${REGION}" }, first: 100) { edges { node { id } } } }`;
    const res = await server.gql<{
      node: unknown;
      byKey?: unknown;
      search?: Array<{ id: string }>;
      observations: { edges: Array<{ node: { id: string } }> };
    }>(query, {
      id: `${label}:${key}`,
      ...(byKey ? { k: key } : {}),
      ...(searchType ? { name } : {}),
    });
    const data = dataOf(res);
    const id = `${label}:${key}`;
    const reads: Record<string, boolean> = { node: data.node !== null };
    if (byKey) reads.byKey = data.byKey !== null;
    if (searchType) reads.search = data.search!.some((h) => h.id === id);
    if (type === 'OBSERVATION') reads.list = data.observations.edges.some((x) => x.node.id === id);
    return reads;
  };
  const keyOf = (f: Record<string, unknown>) =>
    f.from ? `${String(f.from)}>${String(f.to)}` : String(f.id ?? f.slug);
  const nameOf = (f: Record<string, unknown>) => String(f.name ?? f.title);

  it('publishes a fact of each kind through review', async () => {
    for (const [type, fact] of FACTS)
      expect((await publishFact(e, type, fact)).status).toBe('PUBLISHED');
    for (const [type, fact] of FACTS)
      expect(Object.values(await shown(type, keyOf(fact), nameOf(fact))).every(Boolean)).toBe(true);
  }, 60_000);

  it('refuses to retract a fact that published facts rest on, naming them, and changes nothing', async () => {
    const expected: Array<[string, string, string[]]> = [
      [
        'SOURCE',
        SOURCE,
        [
          `MODEL:${PREFIX}method`,
          `OBSERVATION:${PREFIX}disputes`,
          `OBSERVATION:${PREFIX}settled`,
          `ORGANIZATION:${PREFIX}org`,
          `PRACTICE:${PREFIX}practice`,
        ],
      ],
      ['PRINCIPLE', `${PREFIX}principle`, [`MODEL:${PREFIX}method`]],
      ['MODEL', `${PREFIX}method`, [`PRACTICE:${PREFIX}practice`]],
      ['ORGANIZATION', `${PREFIX}org`, [`PRACTICE:${PREFIX}practice`]],
      ['PRACTICE', `${PREFIX}practice`, [`OBSERVATION:${PREFIX}disputes`]],
      ['OBSERVATION', `${PREFIX}disputes`, [`OBSERVATION:${PREFIX}settled`]],
    ];
    for (const [type, key, dependants] of expected) {
      const res = await retract(e, 'reviewer', type, key, 1);
      expect(res.errors?.[0]?.extensions).toMatchObject({
        code: 'CONFLICT',
        dependants,
        dependantCount: dependants.length,
      });
      for (const d of dependants) expect(res.errors?.[0]?.message).toContain(d);
      expect(await factVersion(e, type, key)).toBe(1);
    }
    for (const [type, fact] of FACTS)
      expect(Object.values(await shown(type, keyOf(fact), nameOf(fact))).every(Boolean)).toBe(true);
  }, 60_000);

  it('retracts each kind once nothing rests on it: gone from public reads, kept with its reason; a stale or second retraction is a CONFLICT', async () => {
    const tally: Record<string, number> = {};
    // Dependants first: the figures, the practice, then what they rested on.
    for (const [type, fact] of [...FACTS].reverse()) {
      const key = keyOf(fact);
      const reason = `撤回测试: ${type}`;
      const note = (outcome: string) => (tally[outcome] = (tally[outcome] ?? 0) + 1);
      const stale = codeOf(await retract(e, 'reviewer', type, key, 2, reason));
      note(`stale ${stale}`);
      expect(stale).toBe('CONFLICT');
      expect(codeOf(await retract(e, 'editor', type, key, 1, reason))).toBe('FORBIDDEN');
      const done = dataOf(await retract(e, 'reviewer', type, key, 1, reason)).retractFact;
      expect(done).toMatchObject({ status: 'RETRACTED', operation: 'RETRACT', reason });
      note('OK');
      expect(
        Object.entries(await shown(type, key, nameOf(fact))).filter(([, seen]) => seen),
      ).toEqual([]);
      expect(await factVersion(e, type, key)).toBeNull();
      const history = await factHistory(e, type, key);
      expect(history.map((c) => `${c.operation}:${c.status}`)).toEqual([
        'RETRACT:RETRACTED',
        'CREATE:PUBLISHED',
      ]);
      expect(history[0]!.events).toEqual([{ action: 'RETRACT', to: 'RETRACTED', reason }]);
      // Again at the version it retracted: a retry, answered with the retraction; at another
      // version, CONFLICT.
      expect(dataOf(await retract(e, 'reviewer', type, key, 1, reason)).retractFact).toEqual(done);
      const again = await retract(e, 'reviewer', type, key, 2, reason);
      expect(again.errors?.[0]?.extensions).toMatchObject({
        code: 'CONFLICT',
        status: 'RETRACTED',
      });
      note(`again ${codeOf(again)}`);
      const [kept] = await server.executor.read({
        cypher: `OPTIONAL MATCH (n:Retracted) WHERE coalesce(n.id, n.slug) = $key OPTIONAL MATCH (:GovernanceModel {slug: $from})-[d:RETRACTED_DERIVED_FROM]->(:GovernanceModel {slug: $to})
          RETURN coalesce(n.retractionReason, d.retractionReason) AS reason, coalesce(n.version, d.version) AS version`,
        params: { key, from: key.split('>')[0], to: key.split('>')[1] ?? null },
      });
      expect(kept).toMatchObject({ reason, version: 2 });
    }
    console.log(
      `Retractions (stale first, then the right version, then the same again and a stale one): ${JSON.stringify(tally)}`,
    );
  }, 60_000);

  it('answers NOT_FOUND for a fact that was never published', async () => {
    expect(codeOf(await retract(e, 'reviewer', 'MODEL', `${PREFIX}never`, 1))).toBe('NOT_FOUND');
    expect(
      codeOf(await retract(e, 'reviewer', 'LINEAGE_LINK', `${PREFIX}never>fengqiao-experience`, 1)),
    ).toBe('NOT_FOUND');
  });
});
