import { z } from 'zod';
import { queryKeys } from '../src/search/query-text';
import { matchKind, rankScore } from '../src/search/search-scoring';
import { startTestServer, type TestServer } from './support/harness';

/**
 * Search as a portal uses it, on the Yunnan seed graph (read only): models before the places
 * named like them, places told apart by their paths, why each hit matched, counts per type with
 * each type paged on its own, pinyin and English, and the database's order equal to the
 * documented scoring (src/search/search-scoring.ts).
 */
jest.setTimeout(120_000);

interface Hit {
  type: string;
  id: string;
  name: string;
  code: string | null;
  path: string | null;
  pathEn: string | null;
  matchKind: string;
  matchedField: string;
  snippet: string;
  highlight: string;
  highlights: Array<{ start: number; length: number }>;
  score: number;
}
const HIT =
  'type id name code path pathEn matchKind matchedField snippet highlight highlights { start length } score';

describe('search ranking, paths, reasons and facets', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  const search = async (text: string, first = 10, types?: string[]): Promise<Hit[]> => {
    const res = await server.gql<{ search: Hit[] }>(
      `query($t: String!, $n: Int!, $types: [SearchHitType!]) { search(text: $t, first: $n, types: $types) { ${HIT} } }`,
      { t: text, n: first, types },
    );
    expect(res.errors).toBeUndefined();
    return res.data!.search;
  };
  type Page = {
    facets: Array<{ type: string; count: number; exact: boolean }>;
    totalCount: number;
    edges: Array<{ cursor: string; node: Hit }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
  const page = async (text: string, first: number, types?: string[], after?: string | null) => {
    const res = await server.gql<{ searchResults: Page }>(
      `query($t: String!, $n: Int, $types: [SearchHitType!], $after: String) { searchResults(text: $t, first: $n, types: $types, after: $after) {
        facets { type count exact } totalCount edges { cursor node { ${HIT} } } pageInfo { hasNextPage endCursor } } }`,
      { t: text, n: first, types, after },
    );
    return res;
  };

  it('puts the 枫桥 models before any place named 枫桥, and says why each hit matched', async () => {
    const hits = await search('枫桥');
    const firstPlace = hits.findIndex((h) => h.type === 'REGION');
    const models = hits.filter((h) => h.type === 'MODEL').map((h) => h.id);
    expect(models).toEqual(
      expect.arrayContaining([
        'GovernanceModel:fengqiao-experience',
        'GovernanceModel:online-fengqiao-experience',
      ]),
    );
    if (firstPlace !== -1)
      expect(hits.slice(firstPlace).some((h) => h.type === 'MODEL' && h.matchKind !== 'TEXT')).toBe(
        false,
      );
    for (const h of hits) {
      const marked = h.highlights.map((r) =>
        [...h.snippet].slice(r.start, r.start + r.length).join(''),
      );
      if (h.matchKind !== 'TEXT') expect(marked.join('')).toContain('枫桥');
      expect(h.highlight).toContain('<em>');
    }
  });

  it('ranks 一核五治七维 above every place for 五治融合', async () => {
    const hits = await search('五治融合', 20);
    const ids = hits.map((h) => h.id);
    const model = ids.indexOf('GovernanceModel:one-core-five-governance-seven-dimensions');
    expect(model).toBeGreaterThanOrEqual(0);
    expect(ids.slice(0, 2).sort()).toEqual([
      'GovernanceModel:songming-five-governance-fusion',
      'GovernanceModel:taihe-five-governance-fusion',
    ]);
    expect(hits.slice(0, model).every((h) => h.type !== 'REGION')).toBe(true);
  });

  it('gives places their code and path, so namesakes can be told apart', async () => {
    const hits = (await search('大营社区', 10, ['REGION'])).filter((h) => h.name === '大营社区');
    expect(hits.length).toBeGreaterThanOrEqual(3);
    expect(new Set(hits.map((h) => h.path)).size).toBe(hits.length);
    for (const h of hits) {
      expect(h.id).toBe(`Region:${h.code}`);
      expect(h.path!.startsWith('云南省 › ')).toBe(true);
      expect(h.path!.endsWith(' › 大营社区')).toBe(true);
      expect(h.pathEn!.split(' › ')).toHaveLength(h.path!.split(' › ').length);
    }
    // The one that holds a practice comes first among its namesakes.
    expect(hits[0]!.code).toBe('530124002001');
    expect(hits[0]!.path).toBe('云南省 › 昆明市 › 富民县 › 大营街道 › 大营社区');
  });

  it('ranks a place above the practices named after it (安宁市 for 安宁), and says so', async () => {
    const hits = await search('安宁');
    expect(hits[0]).toMatchObject({
      id: 'Region:530181',
      matchKind: 'EXACT',
      path: '云南省 › 昆明市 › 安宁市',
    });
    const practices = hits.filter((h) => h.type === 'PRACTICE');
    expect(practices.length).toBeGreaterThan(0);
    expect(
      practices.every((p) => p.matchKind === 'PLACE' && p.path === '云南省 › 昆明市 › 安宁市'),
    ).toBe(true);
  });

  it('finds with pinyin and tones what Chinese finds, models and places alike', async () => {
    const ids = async (text: string) => (await search(text)).map((h) => h.id);
    const chinese = (await ids('枫桥')).filter((id) => !id.startsWith('Region:')).slice(0, 3);
    for (const typed of ['fengqiao', 'Fēngqiáo', 'FENG QIAO'])
      expect((await ids(typed)).slice(0, 5)).toEqual(expect.arrayContaining(chinese));
    const taihe = await search('taihe');
    expect(taihe.map((h) => h.id)).toEqual(
      expect.arrayContaining(['GovernanceModel:taihe-five-governance-fusion', 'Region:530111002']),
    );
    expect(taihe.find((h) => h.id === 'Region:530111002')).toMatchObject({
      matchKind: 'EXACT',
      path: '云南省 › 昆明市 › 官渡区 › 太和街道',
    });
  });

  it('orders hits by the documented score, computed the same by the database and by rankScore', async () => {
    const signals = z.object({
      label: z.string(),
      key: z.string(),
      kind: z.string(),
      lucene: z.number(),
      coverage: z.number(),
      activity: z.number(),
      holdsMatches: z.boolean(),
      score: z.number(),
      level: z.string().nullable(),
    });
    const { searchQuery } = await import('../src/search/search.repository');
    const { labelsFor } = await import('../src/search/search.service');
    for (const text of ['枫桥', '太和', '大营社区', 'village compact', '枫乔经验', '法治']) {
      const keys = queryKeys(text);
      const rows = await server.executor.read(searchQuery(keys, labelsFor(null), 30), 'test');
      expect(rows.length).toBeGreaterThan(0);
      for (const [i, { hit }] of rows.entries()) {
        const s = signals.parse({ ...hit, level: hit.level ?? null });
        expect(rankScore({ ...s, label: hit.label, kind: hit.kind, level: hit.level })).toBeCloseTo(
          s.score,
          9,
        );
        if (i > 0) expect(rows[i - 1]!.hit.score).toBeGreaterThanOrEqual(s.score);
      }
    }
  });

  it('classifies each hit in the database as matchKind does', async () => {
    const keys = queryKeys('太和');
    const { searchQuery } = await import('../src/search/search.repository');
    const rows = await server.executor.read(
      searchQuery(keys, ['GovernanceModel', 'Practice', 'Organization', 'Region'], 30),
      'test',
    );
    const stored = await server.executor.read({
      cypher: `UNWIND $ids AS id MATCH (n) WHERE coalesce(n.slug, n.code, n.id) = id AND any(l IN labels(n) WHERE l IN ['GovernanceModel', 'Practice', 'Organization', 'Region'])
        OPTIONAL MATCH (n)-[:IN]->(home:Region)
        RETURN id, n.searchNames AS names, coalesce(n.searchParts, []) AS parts,
          COLLECT { MATCH (up:Region) WHERE home IS NOT NULL AND home.code STARTS WITH up.code UNWIND up.searchNames AS k RETURN k } AS placeNames`,
      params: { ids: rows.map((r) => r.hit.key) },
      row: z.object({
        id: z.string(),
        names: z.array(z.string()),
        parts: z.array(z.string()),
        placeNames: z.array(z.string()),
      }),
    });
    const byId = new Map(stored.map((s) => [s.id, s]));
    for (const { hit } of rows)
      expect([hit.key, matchKind(keys, byId.get(hit.key)!)]).toEqual([hit.key, hit.kind]);
  });

  it('counts hits per type and pages one type on its own', async () => {
    const all = await page('太和', 5);
    expect(all.errors).toBeUndefined();
    const { facets, totalCount } = all.data!.searchResults;
    expect(facets.map((f) => f.type)).toEqual([
      'MODEL',
      'PRACTICE',
      'PRINCIPLE',
      'ORGANIZATION',
      'REGION',
    ]);
    expect(totalCount).toBe(facets.reduce((n, f) => n + f.count, 0));
    const places = facets.find((f) => f.type === 'REGION')!.count;
    expect(places).toBeGreaterThan(10);
    const seen: string[] = [];
    for (let after: string | null = null, more = true; more;) {
      const res = await page('太和', 8, ['REGION'], after);
      const p: Page = res.data!.searchResults;
      expect(p.facets).toEqual(facets);
      expect(p.totalCount).toBe(places);
      expect(p.edges.every((e) => e.node.type === 'REGION')).toBe(true);
      seen.push(...p.edges.map((e) => e.node.id));
      ({ hasNextPage: more, endCursor: after } = p.pageInfo);
    }
    expect(seen).toHaveLength(places);
    expect(new Set(seen).size).toBe(places);
    const first = (await search('太和', 8, ['REGION'])).map((h) => h.id);
    expect(seen.slice(0, 8)).toEqual(first);
  });

  it('refuses a page beyond what search looks at, and answers punctuation with nothing', async () => {
    const far = Buffer.from('o:1000').toString('base64url');
    const res = await page('太和', 10, undefined, far);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    expect(await search('“”、!')).toEqual([]);
    const empty = await page('“”', 10);
    expect(empty.data!.searchResults).toMatchObject({ totalCount: 0, edges: [] });
  });
});
