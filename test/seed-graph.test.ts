import path from 'node:path';
import { PROJECT_ROOT } from '../src/core/config';
import { Executor } from '../src/core/db/executor';
import { agreesAtReportedPrecision } from '../src/facts/figures';
import { loadSeed } from '../src/seed/seed-load';
import { openTestDatabase } from './support/harness';

/** The seed graph as loaded in the test database (global setup), checked fact by fact. */
describe('the seed knowledge graph', () => {
  const db = openTestDatabase();
  const read = (cypher: string, params: Record<string, unknown> = {}) =>
    db.executor.read({ cypher, params });
  afterAll(() => db.close());

  it("has 盘龙区's 7,281 disputes, 7,279 settled and a reported 99.97%, cited with its sentence", async () => {
    const [row] = await read(
      `MATCH (rate:Observation {value: 99.97})-[:FOR]->(:Region {code: '530103'})
       MATCH (rate)-[:NUMERATOR]->(num:Observation), (rate)-[:DENOMINATOR]->(den:Observation)
       MATCH (rate)-[:CITED_BY]->(c:Citation)-[:FROM]->(s:Source)
       RETURN rate.unit AS unit, rate.reported AS reported, num.value AS num, den.value AS den, c.quote AS quote, c.offset AS offset, s.text AS text`,
    );
    expect(row).toMatchObject({ unit: 'percent', num: 7279, den: 7281 });
    expect(String(row!.reported)).toContain('99.97%');
    expect(String(row!.quote)).toContain('7281件');
    expect(
      Array.from(String(row!.text))
        .slice(Number(row!.offset), Number(row!.offset) + Array.from(String(row!.quote)).length)
        .join(''),
    ).toBe(row!.quote);
  });

  it('links the 大营社区 of the 富民县 section to 富民县 大营街道, not to its namesakes', async () => {
    const namesakes = await read(
      "MATCH (r:Region {name: '大营社区'}) WHERE r.code STARTS WITH '5301' RETURN r.code AS code ORDER BY code",
    );
    expect(namesakes.length).toBeGreaterThanOrEqual(2);
    const linked = await read(
      `MATCH (p:Practice)-[:IN]->(r:Region {name: '大营社区'})-[:PART_OF]->(street:Region)-[:PART_OF]->(county:Region)
       RETURN DISTINCT r.code AS code, street.name AS street, county.code AS county`,
    );
    expect(linked).toEqual([expect.objectContaining({ street: '大营街道', county: '530124' })]);
    expect(String(linked[0]!.code).startsWith('530124002')).toBe(true);
  });

  it('agrees with itself wherever the text gives both a rate and its counts', async () => {
    const rates = await read(
      `MATCH (o:Observation {unit: 'percent'})-[:NUMERATOR]->(n:Observation), (o)-[:DENOMINATOR]->(d:Observation)
       RETURN o.id AS id, o.value AS reported, n.value AS num, d.value AS den`,
    );
    expect(rates.length).toBeGreaterThanOrEqual(8);
    const disagree = rates.filter(
      (r) => !agreesAtReportedPrecision(Number(r.reported), (Number(r.num) / Number(r.den)) * 100),
    );
    expect(disagree).toEqual([]);
  });

  it("points every citation's offset at its quote", async () => {
    const rows = await read(
      'MATCH (c:Citation)-[:FROM]->(s:Source) RETURN c.quote AS quote, c.offset AS offset, c.length AS length, s.text AS text',
    );
    expect(rows.length).toBeGreaterThan(200);
    const texts = new Map<string, string[]>();
    const wrong = rows.filter((r) => {
      const chars = texts.get(String(r.text)) ?? Array.from(String(r.text));
      texts.set(String(r.text), chars);
      return (
        chars.slice(Number(r.offset), Number(r.offset) + Number(r.length)).join('') !== r.quote
      );
    });
    expect(wrong).toEqual([]);
  });

  it('cites every model, practice and observation, and every lineage edge or marks it editorial', async () => {
    const [uncited] = await read(
      `RETURN COUNT { MATCH (n:Practice|Observation) WHERE NOT (n)-[:CITED_BY]->(:Citation) } AS facts,
              COUNT { MATCH (m:GovernanceModel) WHERE NOT (m)-[:CITED_BY]->(:Citation) AND NOT m.editorial } AS models,
              COUNT { MATCH ()-[d:DERIVED_FROM]->() WHERE size(d.citationIds) = 0 AND NOT d.editorial } AS edges,
              COUNT { MATCH ()-[d:DERIVED_FROM]->() WHERE d.editorial AND d.editorialBasis IS NULL } AS baseless`,
    );
    expect(uncited).toEqual({ facts: 0, models: 0, edges: 0, baseless: 0 });
  });

  it('marks the origin of 枫桥经验 as editorial, with its basis, never as a quote', async () => {
    const [origin] = await read(
      `MATCH (m:GovernanceModel {name: '枫桥经验'})-[o:ORIGINATED_IN]->(r:Region)
       RETURN o.editorial AS editorial, o.editorialBasis AS basis, size(o.citationIds) AS quotes, o.year AS year, r.code AS code`,
    );
    expect(origin).toMatchObject({ editorial: true, quotes: 0, year: 1963 });
    expect(String(origin!.code).startsWith('3306')).toBe(true);
    expect(String(origin!.basis).length).toBeGreaterThan(10);
  });

  it('covers all 15 county-level sections, 阳宗海 on its official township-level code under 宜良县', async () => {
    const sections = [
      '530102',
      '530103',
      '530111',
      '530112',
      '530113',
      '530114',
      '530115',
      '530124',
      '530125',
      '530126',
      '530127',
      '530128',
      '530129',
      '530181',
      '530125404',
    ];
    const rows = await read(
      `UNWIND $codes AS code
       MATCH (u:Region {code: code})
       RETURN code, COUNT { (p:Practice)-[:IN]->(r:Region) WHERE r.code STARTS WITH code } AS practices,
              COUNT { (o:Observation)-[:FOR]->(r:Region) WHERE r.code STARTS WITH code } AS figures`,
      { codes: sections },
    );
    expect(rows.map((r) => r.code)).toEqual(sections);
    for (const r of rows) {
      expect(r.practices).toBeGreaterThan(0);
      expect(r.figures).toBeGreaterThan(0);
    }
    const [yzh] = await read(
      "MATCH (r:Region {code: '530125404'})-[:PART_OF]->(p:Region) RETURN r.level AS level, p.code AS parent, r.nameEn AS en",
    );
    expect(yzh).toMatchObject({ level: 'TOWNSHIP', parent: '530125' });
  });

  it('records the kind of source of every figure, and English names throughout', async () => {
    const [row] = await read(
      `RETURN COUNT { MATCH (o:Observation) WHERE o.sourceKind <> 'OFFICIAL_SELF_REPORT_VIA_MEDIA' OR o.sourceKind IS NULL } AS otherKinds,
              COUNT { MATCH (n:GovernanceModel|Practice|Principle|Indicator) WHERE n.nameEn IS NULL OR trim(n.nameEn) = '' } AS noEnglish,
              COUNT { MATCH (m:GovernanceModel) WHERE m.pinyin IS NULL OR m.pinyin = '' } AS noPinyin,
              COUNT { MATCH (o:Observation) } AS figures`,
    );
    expect(row).toMatchObject({ otherKinds: 0, noEnglish: 0, noPinyin: 0 });
    expect(Number(row!.figures)).toBeGreaterThan(100);
  });

  it('shows the differing 五治 compositions', async () => {
    const rows = await read(
      `MATCH (m:GovernanceModel)-[h:HAS_PRINCIPLE]->(p:Principle) WHERE m.name CONTAINS '五治'
       WITH m, collect(p.slug) AS principles WHERE size(principles) >= 5 RETURN m.slug AS slug, principles`,
    );
    expect(rows.length).toBeGreaterThanOrEqual(2);
    const sets = rows.map((r) => [...(r.principles as string[])].sort().join(','));
    expect(new Set(sets).size).toBeGreaterThanOrEqual(2);
  });

  it('changes no count when loaded again', async () => {
    const executor = new Executor(db.driver, {
      database: 'neo4j',
      timeoutMs: 300_000,
      app: 'zhili-test',
    });
    const options = { seedDir: path.join(PROJECT_ROOT, 'seed'), provinces: ['53'] };
    const first = await loadSeed(executor, options);
    const second = await loadSeed(executor, options);
    expect(second.nodes).toEqual(first.nodes);
    expect(second.relationships).toEqual(first.relationships);
  }, 300_000);
});
