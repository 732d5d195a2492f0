import { practiceFeaturesQuery } from '../src/pilots/pilots.repository';
import { serverForSuite } from './support/harness';

type Count = { totalCount: number };
type Figures = Count & {
  edges: Array<{ node: { key: string; periodKind: string; period: string | null } }>;
};

/**
 * What the seed graph says about when figures hold, county-level zones and rates against their
 * counts, read through the API.
 */
describe('seed graph fidelity', () => {
  const suite = serverForSuite();
  const { ok } = suite;
  const count = async (cypher: string, params: Record<string, unknown> = {}) =>
    Number((await suite.server().executor.read({ cypher, params }))[0]!.n);

  describe('阳宗海, a county-level zone on a township-level code', () => {
    it('is its own county-level unit, hosted by 宜良县, with the basis of its status', async () => {
      const data = await ok<{
        zone: any;
        host: any;
        kunming: Count & { edges: Array<{ node: { code: string } }> };
      }>(`{
        zone: region(code: "530125404") { level countyLevelZone { basis host { code name } } countyLevelUnit { code } }
        host: region(code: "530125") { hostedZones { code } countyLevelUnit { code } }
        kunming: regions(filter: { within: "5301", countyLevel: true }, first: 50) { totalCount edges { node { code } } }
      }`);
      expect(data.zone.level).toBe('TOWNSHIP');
      expect(data.zone.countyLevelZone.host).toEqual({ code: '530125', name: '宜良县' });
      expect(data.zone.countyLevelZone.basis).toMatch(/述职会/);
      expect(data.zone.countyLevelUnit).toEqual({ code: '530125404' });
      expect(data.host).toEqual({
        hostedZones: [{ code: '530125404' }],
        countyLevelUnit: { code: '530125' },
      });
      const counties = await count(
        "MATCH (r:Region {level: 'COUNTY'}) WHERE r.code STARTS WITH '5301' RETURN count(r) AS n",
      );
      expect(data.kunming.totalCount).toBe(counties + 1);
      expect(data.kunming.edges.map((e) => e.node.code)).toContain('530125404');
    });

    it("keeps 阳宗海's figures, practices and models out of 宜良县's roll-ups, and in 昆明's", async () => {
      const q = `query($code: String!) { region(code: $code) {
        observations(includeSubregions: true, first: 1) { totalCount }
        practices(includeSubregions: true, first: 1) { totalCount }
        modelsAdopted { slug } } }`;
      type R = {
        region: { observations: Count; practices: Count; modelsAdopted: Array<{ slug: string }> };
      };
      const [yiliang, zone, kunming] = await Promise.all(
        ['530125', '530125404', '5301'].map((code) => ok<R>(q, { code })),
      );
      const figuresUnder = (prefix: string) =>
        count(
          'MATCH (o:Observation)-[:FOR]->(r:Region) WHERE r.code STARTS WITH $p RETURN count(o) AS n',
          { p: prefix },
        );
      const zoneFigures = await figuresUnder('530125404');
      expect(zoneFigures).toBeGreaterThan(0);
      expect(zone.region.observations.totalCount).toBe(zoneFigures);
      expect(yiliang.region.observations.totalCount).toBe(
        (await figuresUnder('530125')) - zoneFigures,
      );
      expect(kunming.region.observations.totalCount).toBe(await figuresUnder('5301'));
      expect(zone.region.practices.totalCount).toBeGreaterThan(0);
      const practicesUnder = (prefix: string) =>
        count(
          'MATCH (p:Practice)-[:IN]->(r:Region) WHERE r.code STARTS WITH $p RETURN count(p) AS n',
          { p: prefix },
        );
      expect(yiliang.region.practices.totalCount).toBe(
        (await practicesUnder('530125')) - zone.region.practices.totalCount,
      );
      const yiliangOwn = await suite.server().executor.read({
        cypher: `MATCH (m:GovernanceModel)<-[:IMPLEMENTS]-(:Practice)-[:IN]->(r:Region) WHERE r.code STARTS WITH '530125' AND NOT r.code STARTS WITH '530125404'
          RETURN DISTINCT m.slug AS slug ORDER BY slug`,
      });
      expect(yiliang.region.modelsAdopted.map((m) => m.slug).sort()).toEqual(
        yiliangOwn.map((r) => r.slug),
      );
      const onlyZone = zone.region.modelsAdopted
        .map((m) => m.slug)
        .filter((s) => !yiliangOwn.some((r) => r.slug === s));
      expect(onlyZone.length).toBeGreaterThan(0);
      for (const slug of onlyZone)
        expect(kunming.region.modelsAdopted.map((m) => m.slug)).toContain(slug);
    });

    it('is the unit of its practices when pilots and candidates are scored', async () => {
      const rows = await suite.server().executor.read(practiceFeaturesQuery());
      const zonePractices = await suite.server().executor.read({
        cypher:
          "MATCH (p:Practice)-[:IN]->(r:Region) WHERE r.code STARTS WITH '530125404' RETURN p.id AS id",
      });
      expect(zonePractices.length).toBeGreaterThan(0);
      for (const { id } of zonePractices)
        expect(rows.find((r) => r.key === id)?.unit.code).toBe('530125404');
      // A practice of the zone itself acts at county level, as a county's does.
      const atZone = await suite.server().executor.read({
        cypher: "MATCH (p:Practice)-[:IN]->(:Region {code: '530125404'}) RETURN p.id AS id",
      });
      expect(atZone.length).toBeGreaterThan(0);
      for (const { id } of atZone) expect(rows.find((r) => r.key === id)?.level).toBe('COUNTY');
      expect(rows.filter((r) => r.unit.code === '530125').length).toBeGreaterThan(0);
    });
  });

  describe('when a figure holds', () => {
    const figures = (filter: Record<string, unknown>) =>
      ok<{ observations: Figures }>(
        'query($f: ObservationFilter) { observations(filter: $f, first: 100) { totalCount edges { node { key periodKind period } } } }',
        { f: filter },
      );

    it("stores 东川's relocation totals as cumulative up to the report, not as 2020 figures", async () => {
      const data = await figures({ regionCode: '530113', indicator: 'relocated_people' });
      expect(data.observations.edges.map((e) => e.node)).toEqual([
        { key: 'dongchuan-relocated-people', periodKind: 'CUMULATIVE', period: '../2021-02-09' },
      ]);
    });

    it('filters by kind of time, and leaves undated figures out of any period', async () => {
      const undated = await figures({ periodKinds: ['UNDATED'] });
      expect(undated.observations.totalCount).toBe(
        await count("MATCH (o:Observation {periodKind: 'UNDATED'}) RETURN count(o) AS n"),
      );
      expect(undated.observations.totalCount).toBeGreaterThan(0);
      expect(
        undated.observations.edges.every(
          (e) => e.node.periodKind === 'UNDATED' && e.node.period === null,
        ),
      ).toBe(true);
      const in2020 = await figures({
        periodFrom: '2020-01-01',
        periodTo: '2020-12-31',
        periodKinds: ['UNDATED', 'YEAR'],
      });
      expect(in2020.observations.edges.map((e) => e.node.periodKind)).not.toContain('UNDATED');
      expect(in2020.observations.totalCount).toBe(
        await count(
          "MATCH (o:Observation {periodKind: 'YEAR', period: '2020'}) RETURN count(o) AS n",
        ),
      );
    });

    it("marks 双桥's public-order change, which has no 同比, as measured against an unstated base", async () => {
      const data = await ok<{
        observations: {
          edges: Array<{ node: { comparison: { kind: string; basePeriod: string | null } } }>;
        };
      }>(
        '{ observations(filter: { regionCode: "530111001002", indicator: "public_order_alerts_change" }, first: 5) { edges { node { comparison { kind basePeriod } } } } }',
      );
      expect(data.observations.edges.map((e) => e.node.comparison)).toEqual([
        { kind: 'CHANGE_UNSTATED_BASE', basePeriod: null },
      ]);
    });
  });

  describe('reported against computed rates', () => {
    const ID = 'fidelity-test-discrepant-rate';
    afterAll(() =>
      suite.server().executor.write({
        cypher: 'MATCH (o:Observation {id: $id}) DETACH DELETE o',
        params: { id: ID },
      }),
    );

    it('lists rates that differ from their counts by the discrepancy filter, with the computed rate and the note', async () => {
      const flagged = await count(
        'MATCH (o:Observation) WHERE o.discrepancy IS NOT NULL RETURN count(o) AS n',
      );
      await suite.server().executor.write({
        cypher: `MATCH (r:Region {code: '530103'}) CREATE (o:Observation {id: $id, value: 98, unit: 'percent', qualifier: 'EXACT', periodKind: 'YEAR', period: '2020',
          reported: '98%', sourceKind: 'OFFICIAL_SELF_REPORT_VIA_MEDIA', discrepancy: true, computedValue: 97.37, discrepancyNote: 'test'})-[:FOR]->(r)`,
        params: { id: ID },
      });
      const q =
        'query($d: Boolean) { observations(filter: { regionCode: "530103", discrepancy: $d }, first: 100) { totalCount edges { node { key discrepancy { computed note } } } } }';
      const yes = await ok<{
        observations: Figures & { edges: Array<{ node: { discrepancy: unknown } }> };
      }>(q, { d: true });
      expect(yes.observations.edges.map((e) => e.node)).toContainEqual({
        key: ID,
        discrepancy: { computed: 97.37, note: 'test' },
      });
      expect(yes.observations.totalCount).toBe(
        flagged +
          1 -
          (await count(
            "MATCH (o:Observation)-[:FOR]->(r:Region) WHERE o.discrepancy IS NOT NULL AND r.code <> '530103' RETURN count(o) AS n",
          )),
      );
      const no = await ok<{ observations: Figures }>(q, { d: false });
      expect(no.observations.edges.map((e) => e.node.key)).not.toContain(ID);
      expect(no.observations.totalCount + yes.observations.totalCount).toBe(
        await count(
          "MATCH (o:Observation)-[:FOR]->(:Region {code: '530103'}) RETURN count(o) AS n",
        ),
      );
    });
  });
});
