import { codeOf, dataOf, type Editors, editorsOf } from './support/editing';
import { startTestServer, type TestServer } from './support/harness';

/**
 * A report's facts as one change set, on the real Neo4j: a source, a new unit and indicator, two
 * counts and the rate they give, proposed in typed fields and resting on each other before any of
 * them is published; submitted and published together in one transaction; a retry publishes
 * nothing twice; a set one of whose members fails at publication publishes none of them.
 */

jest.setTimeout(120_000);

const PREFIX = 'set-test-';
const SOURCE = `${PREFIX}source`;
const TEXT =
  '测试县2023年平安建设工作总结\n2023年,测试县共受理信访件200件,办结信访件190件,信访办结率95%。' +
  '测试县经济开发区为县级管理单位。';
const SET_FIELDS = 'id status version counts { draft inReview published withdrawn }';

describe('change sets', () => {
  let server: TestServer;
  let e: Editors;

  beforeAll(async () => {
    server = await startTestServer();
    e = await editorsOf(server, 'change-sets');
  });
  afterAll(async () => {
    await server.executor.write({
      cypher: `MATCH (z:Region) WHERE z.zoneVersion IS NOT NULL
        OPTIONAL MATCH (u:Region) WHERE u.code STARTS WITH z.code
        REMOVE u.zone
        WITH DISTINCT z OPTIONAL MATCH (z)-[c:CITED_BY]->() DELETE c
        WITH DISTINCT z REMOVE z.zoneVersion, z.apiCountyLevelHost, z.apiCountyLevelBasis, z.countyLevelHost,
          z.countyLevelBasis, z.zoneUpdatedAt, z.zoneUpdatedBy`,
    });
    await server.executor.write({
      cypher: `OPTIONAL MATCH (c:Change) WHERE c.factKey STARTS WITH $p OR c.factKey IN ['set_test_petitions', 'set_test_rate', 'set_test_unit'] OR c.factType = 'ZONE'
          OPTIONAL MATCH (ev:ChangeEvent)-[:ON]->(c) DETACH DELETE ev, c
        WITH count(*) AS _ OPTIONAL MATCH (s:ChangeSet) WHERE s.title STARTS WITH $p DETACH DELETE s
        WITH count(*) AS _ OPTIONAL MATCH (n) WHERE (n:Source OR n:Observation OR n:Retracted) AND n.id STARTS WITH $p DETACH DELETE n
        WITH count(*) AS _ OPTIONAL MATCH (n) WHERE (n:Indicator OR n:Unit OR n:Retracted) AND n.code STARTS WITH 'set_test_' DETACH DELETE n
        WITH count(*) AS _ OPTIONAL MATCH (q:Citation) WHERE q.sourceId STARTS WITH $p DETACH DELETE q`,
      params: { p: PREFIX },
    });
    await e?.close();
    await server?.close();
  });

  const openSet = async (title: string) =>
    dataOf(
      await e.as<{ createChangeSet: { id: string } }>(
        'editor',
        'mutation($t: String!) { createChangeSet(title: $t) { id } }',
        { t: title },
      ),
    ).createChangeSet.id;
  const proposeInto = (set: string, type: string, field: string, fact: object) =>
    e.as<{ proposeFact: { id: string; status: string } }>(
      'editor',
      `mutation($t: FactType!, $in: FactInput!, $s: ID!) {
        proposeFact(input: { type: $t, input: $in, changeSet: $s }) { id status } }`,
      { t: type, in: { [field]: fact }, s: set },
    );
  const readSet = async (id: string) =>
    dataOf(
      await e.as<{ changeSet: { id: string; status: string; version: number } & object }>(
        'editor',
        `query($id: ID!) { changeSet(id: $id) { ${SET_FIELDS} sourceText changes { factType factKey status } } }`,
        { id },
      ),
    ).changeSet;
  const setStep = (who: 'editor' | 'reviewer', name: string, id: string, version: number) =>
    e.as<Record<string, { status: string; version: number }>>(
      who,
      `mutation($id: ID!, $v: Int!) { ${name}(id: $id, version: $v) { ${SET_FIELDS} } }`,
      { id, v: version },
    );
  const cite = (quote: string) => [{ quote, source: SOURCE }];
  const count = (id: string, value: number, reported: string, quote: string) => ({
    id,
    indicator: 'set_test_petitions',
    value,
    unit: 'set_test_unit',
    time: 'YEAR',
    period: '2023',
    region: '530102',
    reported,
    citations: cite(quote),
  });

  it('publishes a report whole: source, unit, indicator, counts and their rate', async () => {
    const set = await openSet(`${PREFIX}report`);
    const source = {
      id: SOURCE,
      title: '测试县2023年平安建设工作总结',
      published: '2024-01-10T00:00:00+08:00',
      language: 'zh-Hans',
      kind: 'GOVERNMENT',
      text: TEXT,
    };
    const unit = { code: 'set_test_unit', name: '件', nameEn: 'item', kind: 'COUNT' };
    const indicator = {
      code: 'set_test_petitions',
      name: '信访件',
      nameEn: 'Petitions',
      unit: 'set_test_unit',
      higherIsBetter: null,
    };
    const rate = {
      ...count(`${PREFIX}rate`, 95, '95%', '信访办结率95%'),
      indicator: 'set_test_rate',
      unit: 'percent',
      numerator: `${PREFIX}done`,
      denominator: `${PREFIX}received`,
    };
    const rateIndicator = {
      ...indicator,
      code: 'set_test_rate',
      name: '信访办结率',
      unit: 'percent',
    };
    const facts: Array<[string, string, object]> = [
      // The rate first: it rests on counts proposed after it, all in the set.
      ['INDICATOR', 'indicator', rateIndicator],
      ['SOURCE', 'source', source],
      ['UNIT', 'unit', unit],
      ['INDICATOR', 'indicator', indicator],
      ['OBSERVATION', 'observation', count(`${PREFIX}received`, 200, '200件', '共受理信访件200件')],
      ['OBSERVATION', 'observation', count(`${PREFIX}done`, 190, '190件', '办结信访件190件')],
      ['OBSERVATION', 'observation', rate],
    ];
    const order = [facts[0], facts[1], facts[2], facts[3], facts[6], facts[4], facts[5]];
    for (const [type, field, fact] of order) {
      const res = await proposeInto(set, type, field, fact);
      if (type === 'OBSERVATION' && fact === rate) {
        // Its counts are not proposed yet: the set cannot vouch for them.
        expect(res.errors?.[0]?.extensions?.problems).toEqual(
          expect.arrayContaining([expect.objectContaining({ field: 'fact.numerator' })]),
        );
        continue;
      }
      expect(dataOf(res).proposeFact.status).toBe('DRAFT');
    }
    expect(
      dataOf(await proposeInto(set, 'OBSERVATION', 'observation', rate)).proposeFact.status,
    ).toBe('DRAFT');
    const drafted = await readSet(set);
    expect(drafted).toMatchObject({ status: 'OPEN', counts: { draft: 7 }, sourceText: TEXT });

    // Nothing is public yet; a set with drafts is not published.
    const publicRead = '{ indicator(code: "set_test_rate") { code } }';
    expect(dataOf(await e.as<{ indicator: null }>(null, publicRead)).indicator).toBeNull();
    expect(codeOf(await setStep('reviewer', 'publishChangeSet', set, drafted.version))).toBe(
      'CONFLICT',
    );

    const submitted = dataOf(await setStep('editor', 'submitChangeSet', set, drafted.version));
    expect(submitted.submitChangeSet).toMatchObject({ counts: { inReview: 7 } });
    const version = submitted.submitChangeSet!.version;
    const published = dataOf(await setStep('reviewer', 'publishChangeSet', set, version));
    expect(published.publishChangeSet).toMatchObject({
      status: 'PUBLISHED',
      counts: { published: 7 },
    });

    const figures = dataOf(
      await e.as<{
        region: {
          observations: { edges: Array<{ node: { id: string; computedRate: number | null } }> };
        };
      }>(
        null,
        `{ region(code: "530102") { observations(filter: { indicator: "set_test_rate" }) { edges { node { id computedRate } } } } }`,
      ),
    );
    expect(figures.region.observations.edges.map((x) => x.node)).toEqual([
      { id: `Observation:${PREFIX}rate`, computedRate: 95 },
    ]);

    // A retry answers with the set and writes nothing again.
    const events = async () =>
      (
        await server.executor.read({
          cypher: `MATCH (:ChangeEvent {action: 'PUBLISH'})-[:ON]->(c:Change {setId: $set}) RETURN count(*) AS n`,
          params: { set },
        })
      )[0]!.n;
    const before = await events();
    const again = dataOf(await setStep('reviewer', 'publishChangeSet', set, version));
    expect(again.publishChangeSet!.status).toBe('PUBLISHED');
    expect(await events()).toBe(before);
  });

  it('publishes none of a set when one of its facts fails at publication', async () => {
    const set = await openSet(`${PREFIX}failing`);
    const other = `${PREFIX}source-2`;
    const source = {
      id: other,
      title: '测试县2023年平安建设工作总结(二)',
      published: '2024-01-10T00:00:00+08:00',
      language: 'zh-Hans',
      kind: 'GOVERNMENT',
      text: TEXT,
    };
    expect(dataOf(await proposeInto(set, 'SOURCE', 'source', source)).proposeFact.status).toBe(
      'DRAFT',
    );
    const failing = {
      ...count(`${PREFIX}orphan`, 200, '200件', '共受理信访件200件'),
      practice: `${PREFIX}no-such-practice`,
    };
    // A fact whose reference is missing is refused at once, with its field …
    const refused = await proposeInto(set, 'OBSERVATION', 'observation', failing);
    expect(refused.errors?.[0]?.extensions?.problems).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'fact.practice' })]),
    );
    // … and a fact that held when proposed but not when published takes the set down with it.
    const fine = {
      ...count(`${PREFIX}late`, 190, '190件', '办结信访件190件'),
      citations: [{ quote: '办结信访件190件', source: other }],
    };
    expect(
      dataOf(await proposeInto(set, 'OBSERVATION', 'observation', fine)).proposeFact.status,
    ).toBe('DRAFT');
    const { version } = await readSet(set);
    const submitted = dataOf(await setStep('editor', 'submitChangeSet', set, version));
    await server.executor.write({
      cypher: `MATCH (i:Indicator {code: 'set_test_petitions'}) SET i:Hidden REMOVE i:Indicator`,
    });
    try {
      const res = await setStep(
        'reviewer',
        'publishChangeSet',
        set,
        submitted.submitChangeSet!.version,
      );
      expect(codeOf(res)).toBe('BAD_USER_INPUT');
    } finally {
      await server.executor.write({
        cypher: `MATCH (i:Hidden {code: 'set_test_petitions'}) SET i:Indicator REMOVE i:Hidden`,
      });
    }
    const after = await readSet(set);
    expect(after).toMatchObject({ status: 'OPEN', counts: { inReview: 2, published: 0 } });
    const [row] = await server.executor.read({
      cypher: `RETURN EXISTS { MATCH (:Observation {id: $id}) } OR EXISTS { MATCH (:Source {id: $other}) } AS found`,
      params: { id: `${PREFIX}late`, other },
    });
    expect(row!.found).toBe(false);
  });

  it("publishes a zone's county-level status, quoted, and closes a set whose changes are all withdrawn", async () => {
    const [row] = await server.executor.read({
      cypher: `MATCH (t:Region) WHERE t.code STARTS WITH '530102' AND size(t.code) = 9
        AND EXISTS { MATCH (:Region)-[:PART_OF]->(t) } RETURN t.code AS code ORDER BY t.code LIMIT 1`,
    });
    const code = String(row!.code);
    const set = await openSet(`${PREFIX}zone`);
    const source = {
      id: `${PREFIX}source-3`,
      title: '五华区开发区管理办法(测试)',
      published: '2024-01-10T00:00:00+08:00',
      language: 'zh-Hans',
      kind: 'GOVERNMENT',
      text: '该开发区为县级管理单位,由区政府托管。',
    };
    expect(dataOf(await proposeInto(set, 'SOURCE', 'source', source)).proposeFact.status).toBe(
      'DRAFT',
    );
    const zone = {
      code,
      host: '530102',
      basis: '管理办法称其为县级管理单位',
      citations: [{ quote: '该开发区为县级管理单位', source: source.id }],
    };
    const wrongHost = await proposeInto(set, 'ZONE', 'zone', { ...zone, host: '530103' });
    expect(wrongHost.errors?.[0]?.extensions?.problems).toEqual([
      expect.objectContaining({ field: 'fact.host' }),
    ]);
    expect(dataOf(await proposeInto(set, 'ZONE', 'zone', zone)).proposeFact.status).toBe('DRAFT');
    const { version } = await readSet(set);
    const submitted = dataOf(await setStep('editor', 'submitChangeSet', set, version));
    const published = dataOf(
      await setStep('reviewer', 'publishChangeSet', set, submitted.submitChangeSet!.version),
    );
    expect(published.publishChangeSet!.status).toBe('PUBLISHED');
    const region = dataOf(
      await e.as<{
        region: {
          countyLevelZone: unknown;
          children: { edges: Array<{ node: { countyLevelUnit: { code: string } } }> };
        };
      }>(
        null,
        `{ region(code: "${code}") { countyLevelZone { basis host { code } } children(first: 1) { edges { node { countyLevelUnit { code } } } } } }`,
      ),
    ).region;
    expect(region.countyLevelZone).toEqual({ basis: zone.basis, host: { code: '530102' } });
    expect(region.children.edges[0]!.node.countyLevelUnit.code).toBe(code);
    const retract = await e.as(
      'reviewer',
      'mutation($k: String!) { retractFact(type: ZONE, key: $k, version: 1, reason: "test") { id } }',
      { k: code },
    );
    expect(codeOf(retract)).toBe('BAD_USER_INPUT');

    // A set emptied by withdrawals is CLOSED.
    const empty = await openSet(`${PREFIX}emptied`);
    const only = dataOf(
      await proposeInto(empty, 'UNIT', 'unit', {
        code: 'set_test_unit_2',
        name: '项',
        nameEn: 'item',
        kind: 'COUNT',
      }),
    ).proposeFact;
    const change = dataOf(
      await e.as<{ change: { version: number } }>(
        'editor',
        'query($id: ID!) { change(id: $id) { version } }',
        { id: only.id },
      ),
    ).change;
    await e.as(
      'editor',
      'mutation($id: ID!, $v: Int!) { withdrawChange(id: $id, version: $v, reason: "not needed") { id } }',
      {
        id: only.id,
        v: change.version,
      },
    );
    expect((await readSet(empty)).status).toBe('CLOSED');
  });
});
