import type { BenchCase, CaseParams } from './bench-case';
import {
  CHILDREN_CYPHER,
  FIGURES_CYPHER,
  LINEAGE_CYPHER,
  PRACTICES_CYPHER,
  REGION_CYPHER,
  SEARCH_RAW_CYPHER,
  searchParams,
  TREE_CYPHER,
} from './raw';
import { scoringCases } from './scoring-cases';

const sortBy = <T>(xs: readonly T[], key: (x: T) => string) =>
  [...xs].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
const practiceItem = (p: any) => ({
  key: p.key ?? p.id,
  name: p.name,
  region: { code: p.region.code, name: p.region.name },
  models: p.models.map((m: any) => ({ slug: m.slug, name: m.name })),
});
const figureItem = (o: any) => ({
  key: o.key ?? o.id,
  value: o.value,
  unit: o.unit,
  reported: o.reported,
  indicator: { code: o.indicator.code, nameEn: o.indicator.nameEn },
  citations: sortBy(
    o.citations.map((c: any) => ({ quote: c.quote, offset: c.offset })),
    (c: any) => String(c.offset).padStart(10, '0'),
  ),
});
const lineageOf = (
  nodes: string[],
  edges: Array<{ from: string; to: string; relation: string }>,
) => {
  const inside = new Set(nodes);
  return {
    nodes: [...inside].sort(),
    edges: sortBy(
      edges.filter((e) => inside.has(e.from) && inside.has(e.to)),
      (e) => `${e.from}>${e.to}`,
    ).map((e) => `${e.from}>${e.to}:${e.relation}`),
  };
};

const regionCase = (p: CaseParams): BenchCase => ({
  name: 'region by code with parent',
  zhili: {
    query: 'query($c: String!) { region(code: $c) { code name parent { code name } } }',
    variables: { c: p.county },
    normalize: (d) => d.region,
  },
  peer: {
    query:
      'query($c: String!) { regions(where: { code: { eq: $c } }) { code name parent { code ' +
      'name } } }',
    variables: { c: p.county },
    normalize: (d) => d.regions[0],
  },
  raw: { cypher: REGION_CYPHER, params: { code: p.county }, normalize: (a) => a },
});

const childrenCase = (p: CaseParams): BenchCase => ({
  name: 'children of a province, 100, totalCount',
  zhili: {
    query:
      'query($c: String!) { region(code: $c) { children(first: 100) { totalCount edges { node { ' +
      'code name } } } } }',
    variables: { c: p.province },
    normalize: (d) => ({
      total: d.region.children.totalCount,
      items: d.region.children.edges.map((e: any) => e.node),
    }),
  },
  peer: {
    query: `query($c: String!) { regions(where: { code: { eq: $c } }) {
      childrenConnection(first: 100, sort: [{ node: { code: ASC } }]) { totalCount edges { node { code name } } } } }`,
    variables: { c: p.province },
    normalize: (d) => ({
      total: d.regions[0].childrenConnection.totalCount,
      items: d.regions[0].childrenConnection.edges.map((e: any) => e.node),
    }),
  },
  raw: { cypher: CHILDREN_CYPHER, params: { code: p.province, first: 100 }, normalize: (a) => a },
});

const practicesCase = (p: CaseParams): BenchCase => ({
  name: 'practices of a county and below, 20, region + models, totalCount',
  zhili: {
    query: `query($c: String!) { region(code: $c) { practices(includeSubregions: true, first: 20) { totalCount
          edges { node { key name region { code name } models { slug name } } } } } }`,
    variables: { c: p.county },
    normalize: (d) => ({
      total: d.region.practices.totalCount,
      items: d.region.practices.edges.map((e: any) => practiceItem(e.node)),
    }),
  },
  peer: {
    query: `query($c: String!) { practicesConnection(first: 20, where: { region: { code: { startsWith: $c } } }, sort: [{ startSort: ASC }, { id: ASC }]) { totalCount
          edges { node { id name region { code name } models(sort: [{ slug: ASC }]) { slug name } } } } }`,
    variables: { c: p.county },
    normalize: (d) => ({
      total: d.practicesConnection.totalCount,
      items: d.practicesConnection.edges.map((e: any) => practiceItem(e.node)),
    }),
  },
  raw: {
    cypher: PRACTICES_CYPHER,
    params: { code: p.county, first: 20 },
    normalize: (a) => ({ total: a.total, items: a.items.map(practiceItem) }),
  },
});

const figuresCase = (p: CaseParams): BenchCase => ({
  name: '50 figures of a city and below, indicator + quotes',
  zhili: {
    query: `query($c: String!) { observations(filter: { regionCode: $c, includeSubregions: true }, first: 50) { totalCount
          edges { node { key value unit reported indicator { code nameEn } citations { quote offset } } } } }`,
    variables: { c: p.city },
    normalize: (d) => ({
      total: d.observations.totalCount,
      items: d.observations.edges.map((e: any) => figureItem(e.node)),
    }),
  },
  peer: {
    query: `query($c: String!) { observationsConnection(first: 50, where: { region: { code: { startsWith: $c } } }, sort: [{ regionCode: ASC }, { id: ASC }]) { totalCount
          edges { node { id value unit reported indicator { code nameEn } citations { quote offset } } } } }`,
    variables: { c: p.city },
    normalize: (d) => ({
      total: d.observationsConnection.totalCount,
      items: d.observationsConnection.edges.map((e: any) => figureItem(e.node)),
    }),
  },
  raw: {
    cypher: FIGURES_CYPHER,
    params: { code: p.city, first: 50 },
    normalize: (a) => ({ total: a.total, items: a.items.map(figureItem) }),
  },
});

const lineageCase = (p: CaseParams): BenchCase => ({
  name: 'lineage upstream, depth 5',
  zhili: {
    query:
      'query($s: String!) { lineage(slug: $s, direction: UPSTREAM, maxDepth: 5) { nodes { ' +
      'slug } edges { from { slug } to { slug } relation } } }',
    variables: { s: p.deepModel },
    normalize: (d) =>
      lineageOf(
        d.lineage.nodes.map((n: any) => n.slug),
        d.lineage.edges.map((e: any) => ({
          from: e.from.slug,
          to: e.to.slug,
          relation: e.relation,
        })),
      ),
  },
  peer: {
    query: `query($s: String!) { governanceModels(where: { slug: { eq: $s } }) { slug parentsConnection { edges { properties { relation } node { slug } } }
          upstream(depth: 5) { slug parentsConnection { edges { properties { relation } node { slug } } } } } }`,
    variables: { s: p.deepModel },
    normalize: (d) => {
      const root = d.governanceModels[0];
      const all = [root, ...root.upstream];
      const edges = all.flatMap((m: any) =>
        m.parentsConnection.edges.map((e: any) => ({
          from: m.slug,
          to: e.node.slug,
          relation: e.properties.relation,
        })),
      );
      return lineageOf(
        all.map((m: any) => m.slug),
        edges,
      );
    },
  },
  raw: {
    cypher: LINEAGE_CYPHER,
    params: { slug: p.deepModel, depth: 5 },
    normalize: (a) => lineageOf(a.nodes, a.edges),
  },
});

const searchCase = (searchText: string): BenchCase => ({
  name: `search ${searchText}, 5`,
  zhili: {
    query: 'query($t: String!) { search(text: $t, first: 5) { id } }',
    variables: { t: searchText },
    normalize: (d) => d.search.map((h: any) => h.id),
  },
  peer: {
    query: `query($key: String!, $pinyin: String, $words: [String!]!, $lucene: String!, $english: String, $prefix: String!, $labels: [String!]!, $pool: Int!, $keyPool: Int!, $first: Int!) {
          search(key: $key, pinyin: $pinyin, words: $words, lucene: $lucene, english: $english, prefix: $prefix, labels: $labels, pool: $pool, keyPool: $keyPool, first: $first) { __typename
          ... on GovernanceModel { slug } ... on Practice { id } ... on Principle { slug } ... on Region { code } ... on Organization { id } } }`,
    variables: searchParams(searchText, 5),
    normalize: (d) => d.search.map((h: any) => `${h.__typename}:${h.slug ?? h.code ?? h.id}`),
  },
  raw: {
    cypher: SEARCH_RAW_CYPHER,
    params: searchParams(searchText, 5),
    normalize: (a) => a.map((h: any) => `${h.label}:${h.key}`),
  },
});

const treeCase = (): BenchCase => ({
  name: 'practices → models → principles, 50',
  zhili: {
    query:
      '{ practices(first: 50) { edges { node { key models { slug principles { slug } } } } } }',
    variables: {},
    normalize: (d) =>
      d.practices.edges.map((e: any) => ({
        key: e.node.key,
        models: e.node.models.map((m: any) => ({
          slug: m.slug,
          principles: m.principles.map((x: any) => x.slug),
        })),
      })),
  },
  peer: {
    query: `{ practicesConnection(first: 50, sort: [{ startSort: ASC }, { id: ASC }]) { edges { node { id
          models(sort: [{ slug: ASC }]) { slug principlesConnection(sort: [{ edge: { order: ASC } }]) { edges { node { slug } } } } } } } }`,
    variables: {},
    normalize: (d) =>
      d.practicesConnection.edges.map((e: any) => ({
        key: e.node.id,
        models: e.node.models.map((m: any) => ({
          slug: m.slug,
          principles: m.principlesConnection.edges.map((x: any) => x.node.slug),
        })),
      })),
  },
  raw: { cypher: TREE_CYPHER, params: { first: 50 }, normalize: (a) => a },
});

/** Every question, in the table's order; the scoring ones last. */
export function benchCases(p: CaseParams): BenchCase[] {
  return [
    regionCase(p),
    childrenCase(p),
    practicesCase(p),
    figuresCase(p),
    lineageCase(p),
    searchCase('村规民约'),
    treeCase(),
    ...scoringCases(p),
  ];
}
