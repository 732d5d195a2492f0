import { z } from 'zod';
import { officialRegions } from '../src/region/gazetteer';
import { REGION_NAMING_RULE, renameRegionsIfOlder } from '../src/seed/region-rename';
import { regionBatchQuery, regionRow, type RegionRow } from '../src/seed/region-rows';
import { startTestServer, type TestServer } from './support/harness';

/**
 * A graph loaded by an older version: 凤冈县永和镇's villages (Guizhou, outside the seed) written
 * with the names the old rule gave them (鱼塘村村, Yutangcun Village, yú táng cūn, search key
 * 鱼塘村). A start renames them in place, search keys and pinyin included, and stamps the rule.
 */
const TOWNSHIP = '520327104';
const PLANTED = (code: string) =>
  code === '52' || code === '5203' || code === '520327' || code.startsWith(TOWNSHIP);

/** What the rule before this one stored for a village whose committee name doubles its 村. */
function asOldRuleNamedIt(row: RegionRow, officialName: string): RegionRow {
  if (!officialName.endsWith('村村民委员会')) return row;
  const p = row.props as Record<string, string>;
  const props = {
    ...p,
    name: `${p.name}村`,
    nameEn: p.nameEn!.replace(/ Village$/, 'cun Village'),
    pinyin: `${p.pinyin} cūn`,
    searchKey: `${p.searchKey}村`,
    pinyinKey: `${p.pinyinKey}cun`,
  };
  return { ...row, props };
}

const STATE = z.object({ rule: z.number().nullable() });

describe('regions named by an older rule', () => {
  let server: TestServer;
  let stampBefore: number | null = null;
  beforeAll(async () => {
    server = await startTestServer();
    const [state] = await server.executor.read({
      cypher: "MATCH (s:GraphState {key: 'graph'}) RETURN s.regionNaming AS rule",
      row: STATE,
    });
    stampBefore = state?.rule ?? null;
    const rows: RegionRow[] = [];
    for await (const r of officialRegions(PLANTED))
      rows.push(asOldRuleNamedIt(regionRow(r), r.officialName));
    for (const level of [2, 4, 6, 9, 12])
      await server.executor.write(regionBatchQuery(rows.filter((r) => r.code.length === level)));
    await server.executor.write({
      cypher: "MATCH (s:GraphState {key: 'graph'}) REMOVE s.regionNaming",
    });
  });
  afterAll(async () => {
    await server.executor.write({
      cypher: 'MATCH (r:Region) WHERE r.code STARTS WITH $p DETACH DELETE r',
      params: { p: '52' },
    });
    await server.executor.write({
      cypher: "MATCH (s:GraphState {key: 'graph'}) SET s.regionNaming = $rule",
      params: { rule: stampBefore },
    });
    await server.close();
  });

  it('renames them at start, in place, with their search keys and pinyin', async () => {
    const doubled = async () =>
      (
        await server.executor.read({
          cypher:
            "MATCH (r:Region) WHERE r.code STARTS WITH $t AND r.name ENDS WITH '村村' RETURN count(r) AS n",
          params: { t: TOWNSHIP },
          row: z.object({ n: z.number() }),
        })
      )[0]!.n;
    const before = await doubled();
    expect(before).toBeGreaterThan(0);
    const lines: string[] = [];
    const outcome = await renameRegionsIfOlder(server.executor, (line) => lines.push(line));
    console.log(
      `${TOWNSHIP}: ${before} names ending in 村村 before renaming, ${await doubled()} after; ${lines.join(' ')}`,
    );
    expect(await doubled()).toBe(0);
    expect(outcome?.renamed).toBe(before);
    expect(outcome!.checked).toBeGreaterThan(16_000);

    const res = await server.gql<{ region: Record<string, unknown> }>(
      '{ region(code: "520327104202") { name officialName nameEn pinyin parent { name } } }',
    );
    expect(res.data?.region).toEqual({
      name: '鱼塘村',
      officialName: '鱼塘村村民委员会',
      nameEn: 'Yutang Village',
      pinyin: 'yú táng',
      parent: { name: '永和镇' },
    });
    const [keys] = await server.executor.read({
      cypher:
        "MATCH (r:Region {code: '520327104202'}) RETURN r.searchKey AS key, r.pinyinKey AS pinyin",
      row: z.object({ key: z.string(), pinyin: z.string() }),
    });
    expect(keys).toEqual({ key: '鱼塘', pinyin: 'yutang' });
    const search = await server.gql<{ search: Array<{ code: string | null }> }>(
      '{ search(text: "鱼塘村", first: 50, types: [REGION]) { code } }',
    );
    expect(search.data?.search.map((h) => h.code)).toContain('520327104202');
  });

  it('leaves a graph stamped with the current rule alone', async () => {
    expect(await renameRegionsIfOlder(server.executor, () => undefined)).toBeUndefined();
    const [state] = await server.executor.read({
      cypher: "MATCH (s:GraphState {key: 'graph'}) RETURN s.regionNaming AS rule",
      row: STATE,
    });
    expect(state?.rule).toBe(REGION_NAMING_RULE);
  });
});
