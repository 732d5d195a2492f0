import { createHash } from 'node:crypto';
import { createApiKey, deleteApiKeys } from '../src/auth/apikey.service';
import { type GqlResponse, startTestServer, type TestServer } from './support/harness';

/**
 * Every kind of fact through review to the public graph: a new source with its full text, then a
 * figure, an organisation, a model and a lineage link quoting it — each written by the same
 * statements as the seed's, on the real Neo4j.
 */
describe('editing: every kind of fact', () => {
  let server: TestServer;
  const keyIds: string[] = [];
  let editor = '';
  let reviewer = '';
  const SOURCE = 'editing-test-source';
  const TEXT =
    '2021年,测试县共调解纠纷120件,调解成功118件。测试县探索形成“测试调解法”,这是测试县首创的调解机制,发展了“枫桥经验”。';

  beforeAll(async () => {
    server = await startTestServer();
    const e = await createApiKey(server.executor, { name: 'kinds-test-editor', role: 'EDITOR' });
    const r = await createApiKey(server.executor, {
      name: 'kinds-test-reviewer',
      role: 'REVIEWER',
    });
    keyIds.push(e.key.id, r.key.id);
    [editor, reviewer] = [e.token, r.token];
  });
  afterAll(async () => {
    await server.executor.write({
      cypher: `OPTIONAL MATCH (c:Change) WHERE c.factKey STARTS WITH 'editing-test-' OPTIONAL MATCH (e:ChangeEvent)-[:ON]->(c) DETACH DELETE e, c
        WITH count(*) AS _ OPTIONAL MATCH (n) WHERE (n:Source OR n:Observation OR n:Organization OR n:GovernanceModel OR n:Retracted)
          AND coalesce(n.id, n.slug) STARTS WITH 'editing-test-' DETACH DELETE n
        WITH count(*) AS _ OPTIONAL MATCH (q:Citation {sourceId: $source}) DETACH DELETE q`,
      params: { source: SOURCE },
    });
    await deleteApiKeys(server.executor, keyIds);
    await server.close();
  });

  const gql = async <T>(
    token: string,
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GqlResponse<T>> => {
    const res = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    return { status: res.status, ...((await res.json()) as object) } as GqlResponse<T>;
  };
  type C = { id: string; version: number; status: string };

  /** Proposes, submits and publishes one fact; returns the published change. */
  const publish = async (type: string, fact: Record<string, unknown>): Promise<C> => {
    const proposed = await gql<{ proposeFact: C }>(
      editor,
      `mutation($t: FactType!, $f: JSONObject!) { proposeFact(input: { type: $t, fact: $f }) { id version status } }`,
      { t: type, f: fact },
    );
    expect(proposed.errors).toBeUndefined();
    const step = async (token: string, name: string, c: C): Promise<C> => {
      const res = await gql<Record<string, C>>(
        token,
        `mutation($id: ID!, $v: Int!) { ${name}(id: $id, version: $v) { id version status } }`,
        { id: c.id, v: c.version },
      );
      expect(res.errors).toBeUndefined();
      return res.data![name]!;
    };
    return step(
      reviewer,
      'publishChange',
      await step(editor, 'submitChange', proposed.data!.proposeFact),
    );
  };
  const cite = (quote: string) => [{ quote, source: SOURCE }];

  it('stores a new source with its full text and sha256, then facts quoting it at their offsets', async () => {
    expect(
      (
        await publish('SOURCE', {
          id: SOURCE,
          title: '测试报道',
          published: '2021-03-01T10:00:00+08:00',
          language: 'zh',
          kind: 'MEDIA',
          text: TEXT,
        })
      ).status,
    ).toBe('PUBLISHED');
    const [source] = await server.executor.read({
      cypher:
        'MATCH (s:Source {id: $id}) RETURN s.sha256 AS sha256, s.text AS text, s.seeded AS seeded',
      params: { id: SOURCE },
    });
    expect(source).toEqual({
      sha256: createHash('sha256').update(TEXT).digest('hex'),
      text: TEXT,
      seeded: false,
    });

    await publish('OBSERVATION', {
      id: 'editing-test-disputes',
      indicator: 'disputes_mediated',
      value: 120,
      unit: 'case',
      time: 'YEAR',
      period: '2021',
      region: '530103',
      reported: '共调解纠纷120件',
      citations: cite('2021年,测试县共调解纠纷120件'),
    });
    const figure = await gql<{
      observation: {
        value: number;
        periodKind: string;
        citations: Array<{ quote: string; offset: number; source: { title: string } }>;
      };
    }>(
      reviewer,
      '{ observation(id: "editing-test-disputes") { value periodKind citations { quote offset source { title } } } }',
    );
    expect(figure.data!.observation).toEqual({
      value: 120,
      periodKind: 'YEAR',
      citations: [
        { quote: '2021年,测试县共调解纠纷120件', offset: 0, source: { title: '测试报道' } },
      ],
    });
  });

  it('publishes an organisation, a model with a stated origin, and a lineage link', async () => {
    await publish('ORGANIZATION', {
      id: 'editing-test-org',
      name: '测试县调解委员会',
      nameEn: 'Test county mediation committee',
      kind: 'COMMITTEE',
      region: '530103',
      citations: cite('测试县共调解纠纷120件'),
    });
    await publish('MODEL', {
      slug: 'editing-test-method',
      name: '测试调解法',
      nameEn: 'Test mediation method',
      pinyin: 'Cèshì Tiáojiě Fǎ',
      kind: 'MECHANISM',
      citations: cite('测试县探索形成“测试调解法”'),
      origin: {
        region: '530103',
        citations: cite('这是测试县首创的调解机制'),
        review: { verdict: 'STATED', reason: '首创 says it began there' },
      },
    });
    await publish('LINEAGE_LINK', {
      from: 'editing-test-method',
      to: 'fengqiao-experience',
      relation: 'EXTENSION',
      citations: cite('发展了“枫桥经验”'),
      review: { verdict: 'STATED', reason: '发展 names 枫桥经验' },
    });
    const rows = await server.executor.read({
      cypher: `MATCH (o:Organization {id: 'editing-test-org'})-[:IN]->(r:Region), (m:GovernanceModel {slug: 'editing-test-method'})-[:ORIGINATED_IN]->(g:Region),
        (m)-[d:DERIVED_FROM]->(f:GovernanceModel) RETURN r.code AS org, g.code AS origin, d.relation AS relation, f.slug AS parent, d.version AS version, m.seeded AS seeded`,
    });
    expect(rows).toEqual([
      {
        org: '530103',
        origin: '530103',
        relation: 'EXTENSION',
        parent: 'fengqiao-experience',
        version: 1,
        seeded: false,
      },
    ]);
  });

  it('retracts a lineage link: it leaves the lineage and is kept as a retracted edge', async () => {
    const version = (
      await gql<{ factVersion: number }>(
        editor,
        '{ factVersion(type: LINEAGE_LINK, key: "editing-test-method>fengqiao-experience") }',
      )
    ).data!.factVersion;
    expect(version).toBe(1);
    const res = await gql<{ retractFact: { status: string } }>(
      reviewer,
      'mutation { retractFact(type: LINEAGE_LINK, key: "editing-test-method>fengqiao-experience", version: 1, reason: "测试") { status } }',
    );
    expect(res.data?.retractFact.status).toBe('RETRACTED');
    const rows = await server.executor.read({
      cypher: `MATCH (m:GovernanceModel {slug: 'editing-test-method'}) RETURN COUNT { (m)-[:DERIVED_FROM]->() } AS live,
        [(m)-[r:RETRACTED_DERIVED_FROM]->(f) | [f.slug, r.relation, r.retractionReason, r.version]] AS retracted`,
    });
    expect(rows).toEqual([
      { live: 0, retracted: [['fengqiao-experience', 'EXTENSION', '测试', 2]] },
    ]);
  });

  it('refuses a lineage link whose quote does not name the model it derives from', async () => {
    const link = await gql(
      editor,
      'mutation($f: JSONObject!) { proposeFact(input: { type: LINEAGE_LINK, fact: $f }) { id } }',
      {
        f: {
          from: 'editing-test-method',
          to: 'fengqiao-experience',
          relation: 'INSPIRATION',
          citations: cite('测试县探索形成“测试调解法”'),
          review: { verdict: 'STATED', reason: 'x' },
        },
      },
    );
    expect(link.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'fact.review',
    });
  });
});
