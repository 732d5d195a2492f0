import { queryKeys } from './query-text';
import { rankScore } from './search-scoring';
import type { SearchRow } from './search.repository';
import { facetsOf, hitNeeds, labelsFor, placePath, toHit, toResults } from './search.service';
import { SearchHitType } from './search.type';

const row = (
  label: SearchRow['label'],
  key: string,
  name: string,
  over: Partial<SearchRow> = {},
  text: Partial<SearchRow['text']> = {},
): SearchRow => ({
  label,
  key,
  kind: 'PREFIX',
  lucene: 0.5,
  coverage: 0.5,
  activity: 0,
  holdsMatches: false,
  score: 0,
  level: null,
  path: [],
  text: {
    name,
    nameEn: null,
    officialName: null,
    aliases: null,
    pinyin: null,
    site: null,
    summary: null,
    summaryEn: null,
    description: null,
    descriptionEn: null,
    scale: null,
    scaleEn: null,
    ...text,
  },
  ...over,
});
const step = (code: string, name: string, nameEn: string, kind: string | null = null) => ({
  code,
  name,
  nameEn,
  kind,
});

describe('search hits', () => {
  it('searches every kind, or only those asked for', () => {
    expect(labelsFor(null)).toEqual([
      'GovernanceModel',
      'Practice',
      'Principle',
      'Organization',
      'Region',
    ]);
    expect(labelsFor([SearchHitType.REGION, SearchHitType.REGION])).toEqual(['Region']);
    expect(labelsFor([SearchHitType.ORGANIZATION])).toEqual(['Organization']);
  });

  it('gives each hit its type, global id, why it matched and its score from the signals', () => {
    const r = row('GovernanceModel', 'fengqiao-experience', '枫桥经验');
    const hit = toHit(r, queryKeys('枫桥'));
    expect(hit).toMatchObject({
      type: 'MODEL',
      id: 'GovernanceModel:fengqiao-experience',
      code: null,
      path: null,
      matchKind: 'PREFIX',
      matchedField: 'NAME',
      snippet: '枫桥经验',
      highlights: [{ start: 0, length: 2 }],
      highlight: '<em>枫桥</em>经验',
      label: 'GovernanceModel',
      key: 'fengqiao-experience',
    });
    expect(hit.score).toBe(
      rankScore({
        label: 'GovernanceModel',
        kind: 'PREFIX',
        lucene: 0.5,
        coverage: 0.5,
        level: null,
        activity: 0,
        holdsMatches: false,
      }),
    );
  });

  it('gives a region its code and path, Chinese and English', () => {
    const path = [
      step('53', '云南省', 'Yunnan Province'),
      step('5301', '昆明市', 'Kunming City'),
      step('530111', '官渡区', 'Guandu District'),
      step('530111002', '太和街道', 'Taihe Subdistrict'),
    ];
    const hit = toHit(
      row('Region', '530111002', '太和街道', { kind: 'EXACT', level: 'TOWNSHIP', path }),
      queryKeys('太和'),
    );
    expect(hit).toMatchObject({
      type: 'REGION',
      code: '530111002',
      path: '云南省 › 昆明市 › 官渡区 › 太和街道',
      pathEn: 'Yunnan Province › Kunming City › Guandu District › Taihe Subdistrict',
    });
  });

  it("leaves out the gazetteer's grouping units from a path", () => {
    const path = [
      step('11', '北京市', 'Beijing Municipality'),
      step('1101', '市辖区', 'Districts', '市辖区'),
      step('110101', '东城区', 'Dongcheng District'),
    ];
    expect(placePath(path)).toEqual({
      path: '北京市 › 东城区',
      pathEn: 'Beijing Municipality › Dongcheng District',
    });
    expect(
      placePath([
        step('42', '湖北省', 'Hubei'),
        step('4290', '省直辖县级行政区划', 'x'),
        step('429004', '仙桃市', 'Xiantao City'),
      ]).path,
    ).toBe('湖北省 › 仙桃市');
    expect(placePath([])).toEqual({ path: null, pathEn: null });
  });
});

describe('facets and pages', () => {
  it('counts every type, in a fixed order, exact unless a candidate list of that kind was cut', () => {
    const facets = facetsOf({
      facets: [
        { label: 'Region', count: 1000 },
        { label: 'GovernanceModel', count: 3 },
      ],
      full: ['pk'],
    });
    expect(facets).toEqual([
      { type: 'MODEL', count: 3, exact: true },
      { type: 'PRACTICE', count: 0, exact: true },
      { type: 'PRINCIPLE', count: 0, exact: true },
      { type: 'ORGANIZATION', count: 0, exact: true },
      { type: 'REGION', count: 1000, exact: false },
    ]);
  });

  it('pages the hits as a connection, zero counts when nothing matched', () => {
    const keys = queryKeys('枫桥');
    const page = toResults(
      {
        full: [],
        facets: [{ label: 'GovernanceModel', count: 3 }],
        total: 3,
        hits: [
          row('GovernanceModel', 'a', '枫桥经验'),
          row('GovernanceModel', 'b', '网上枫桥经验'),
        ],
      },
      keys,
      { skip: 1, limit: 1 },
    );
    expect(page.edges.map((e) => e.node.key)).toEqual(['a']);
    expect(page.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    expect(page.totalCount).toBe(3);
    const none = toResults(undefined, keys, { skip: 0, limit: 10 });
    expect(none).toMatchObject({ edges: [], totalCount: 0 });
    expect(none.facets.every((f) => f.count === 0 && f.exact)).toBe(true);
  });
});

describe('what a selection needs read', () => {
  it('reads texts for the reasons of a match and the path for where a hit is, nothing more for ids and names', () => {
    expect(hitNeeds(['id', 'name', 'type', 'score'])).toEqual({ text: false, path: false });
    expect(hitNeeds(['id', 'highlight'])).toEqual({ text: true, path: false });
    expect(hitNeeds(['pathEn'])).toEqual({ text: false, path: true });
    expect(hitNeeds(['snippet', 'path'])).toEqual({ text: true, path: true });
  });
});
