import {
  FIGURES_CYPHER,
  LINEAGE_CYPHER,
  PRACTICES_CYPHER,
  REGION_CYPHER,
  SEARCH_RAW_CYPHER,
  searchParams,
  TREE_CYPHER,
} from './raw';
import { CANDIDATES_CYPHER, COMPARE_CYPHER, PILOTS_CYPHER } from './raw-scoring';

/** What every form's answer is reduced to before the three are compared. */
export type Normalized = unknown;

/** One question in three forms: Zhili's GraphQL, the peer's GraphQL and one Cypher statement. */
export interface BenchCase {
  readonly name: string;
  readonly zhili: {
    query: string;
    variables: Record<string, unknown>;
    normalize: (data: any) => Normalized;
  };
  readonly peer: {
    query: string;
    variables: Record<string, unknown>;
    normalize: (data: any) => Normalized;
  };
  readonly raw: {
    cypher: string;
    params: Record<string, unknown>;
    normalize: (answer: any) => Normalized;
  };
  /** Forms that take seconds per request: timed once, at concurrency 1. */
  readonly slow?: ReadonlyArray<'peer' | 'raw'>;
}

/**
 * Parameters chosen from the loaded data (so every scale asks about a place that has something).
 */
export interface CaseParams {
  readonly county: string;
  readonly city: string;
  readonly deepModel: string;
  /** A practice of the busiest county, for comparablePilots. */
  readonly pilot: string;
  /** The model of median popularity, for adoptionCandidates. */
  readonly medianModel: string;
  /** It and its two neighbours in popularity, for compareModels. */
  readonly compared: readonly string[];
}

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

interface ComparedSide {
  slug: string;
  principles: string[];
  practices: number;
  adopters: string[];
  figures: Array<{ indicator: string; key: string; value: number }>;
}

/**
 * What the three forms of compareModels agree on: principles shared and only-mine, counts,
 * adopters, figures by indicator.
 */
const comparison = (sides: ComparedSide[]) => {
  const uses = (slug: string) => sides.filter((s) => s.principles.includes(slug)).length;
  const groups = new Map<string, string[]>();
  for (const s of sides)
    for (const f of s.figures)
      groups.set(f.indicator, [
        ...(groups.get(f.indicator) ?? []),
        `${s.slug}:${f.key}:${f.value}`,
      ]);
  return {
    shared: [...new Set(sides.flatMap((s) => s.principles))]
      .filter((x) => uses(x) === sides.length)
      .sort(),
    sides: sides.map((s) => ({
      slug: s.slug,
      only: s.principles.filter((x) => uses(x) === 1).sort(),
      practices: s.practices,
      adopters: [...s.adopters].sort(),
    })),
    figures: [...groups.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([indicator, xs]) => ({ indicator, figures: xs.sort() })),
  };
};
const scoredKeys = (xs: Array<{ key: string; score: number }>) =>
  xs.map((x) => `${x.key}:${x.score.toFixed(2)}`);

function scoringCases(p: CaseParams): BenchCase[] {
  return [
    {
      name: 'compareModels of 3',
      zhili: {
        query: `query($s: [String!]!) { compareModels(slugs: $s) { perModel { model { slug } principles { slug } practiceCount adopters { region { code } } }
          figures { indicator { code } figures { model { slug } observation { key value } } } } }`,
        variables: { s: p.compared },
        normalize: (d) => {
          const c = d.compareModels;
          return comparison(
            c.perModel.map((m: any) => ({
              slug: m.model.slug,
              principles: m.principles.map((x: any) => x.slug),
              practices: m.practiceCount,
              adopters: m.adopters.map((a: any) => a.region.code),
              figures: c.figures.flatMap((g: any) =>
                g.figures
                  .filter((f: any) => f.model.slug === m.model.slug)
                  .map((f: any) => ({
                    indicator: g.indicator.code,
                    key: f.observation.key,
                    value: f.observation.value,
                  })),
              ),
            })),
          );
        },
      },
      peer: {
        query: `query($s: [String!]!) { governanceModels(where: { slug: { in: $s } }) { slug principles { slug } practicesConnection { totalCount }
          practices { region { code } observations { id value region { code } indicator { code } } } } }`,
        variables: { s: p.compared },
        normalize: (d) =>
          comparison(
            p.compared.map((slug) => {
              const m = d.governanceModels.find((x: any) => x.slug === slug);
              return {
                slug,
                principles: m.principles.map((x: any) => x.slug),
                practices: m.practicesConnection.totalCount,
                adopters: m.practices.map((x: any) => x.region.code),
                figures: m.practices.flatMap((x: any) =>
                  x.observations
                    .filter((o: any) => o.region)
                    .map((o: any) => ({ indicator: o.indicator.code, key: o.id, value: o.value })),
                ),
              };
            }),
          ),
      },
      raw: {
        cypher: COMPARE_CYPHER,
        params: { slugs: p.compared },
        normalize: (a) => comparison(a),
      },
    },
    {
      name: 'comparablePilots, 10',
      zhili: {
        query:
          'query($id: ID!) { comparablePilots(practiceId: $id, first: 10) { score practice { ' +
          'key } } }',
        variables: { id: p.pilot },
        normalize: (d) =>
          scoredKeys(d.comparablePilots.map((m: any) => ({ key: m.practice.key, score: m.score }))),
      },
      peer: {
        query: 'query($k: String!) { comparablePilots(key: $k, first: 10) { key score } }',
        variables: { k: p.pilot },
        normalize: (d) => scoredKeys(d.comparablePilots),
      },
      raw: {
        cypher: PILOTS_CYPHER,
        params: { key: p.pilot, first: 10 },
        normalize: (a) => scoredKeys(a),
      },
      slow: ['peer', 'raw'],
    },
    {
      name: 'adoptionCandidates, 10',
      zhili: {
        query:
          'query($s: String!) { adoptionCandidates(slug: $s, first: 10) { score region { code } ' +
          '} }',
        variables: { s: p.medianModel },
        normalize: (d) =>
          scoredKeys(
            d.adoptionCandidates.map((m: any) => ({ key: m.region.code, score: m.score })),
          ),
      },
      peer: {
        query: 'query($s: String!) { adoptionCandidates(slug: $s, first: 10) { code score } }',
        variables: { s: p.medianModel },
        normalize: (d) =>
          scoredKeys(d.adoptionCandidates.map((m: any) => ({ key: m.code, score: m.score }))),
      },
      raw: {
        cypher: CANDIDATES_CYPHER,
        params: { slug: p.medianModel, first: 10 },
        normalize: (a) => scoredKeys(a.map((m: any) => ({ key: m.code, score: m.score }))),
      },
      slow: ['peer', 'raw'],
    },
  ];
}

export function benchCases(p: CaseParams): BenchCase[] {
  const searchText = '村规民约';
  return [
    {
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
    },
    {
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
    },
    {
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
    },
    {
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
    },
    {
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
    },
    {
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
    },
    ...scoringCases(p),
  ];
}
