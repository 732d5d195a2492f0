/** The scoring questions: compareModels, comparablePilots and adoptionCandidates. */
import type { BenchCase, CaseParams } from './bench-case';
import { CANDIDATES_CYPHER, COMPARE_CYPHER, PILOTS_CYPHER } from './raw-scoring';

interface ComparedSide {
  slug: string;
  principles: string[];
  practices: number;
  adopters: string[];
  figures: Array<{ indicator: string; key: string; value: number }>;
}

/**
 * What every form of compareModels agrees on: principles shared and only-mine, counts,
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

const compareCase = (p: CaseParams): BenchCase => ({
  name: `compareModels of ${p.compared.length}`,
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
});

const pilotsCase = (p: CaseParams): BenchCase => ({
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
});

const candidatesCase = (p: CaseParams): BenchCase => ({
  name: 'adoptionCandidates, 10',
  zhili: {
    query:
      'query($s: String!) { adoptionCandidates(slug: $s, first: 10) { score region { code } ' +
      '} }',
    variables: { s: p.medianModel },
    normalize: (d) =>
      scoredKeys(d.adoptionCandidates.map((m: any) => ({ key: m.region.code, score: m.score }))),
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
});

/** compareModels takes two to ten models: with fewer used models in the graph it is not asked. */
export const scoringCases = (p: CaseParams): BenchCase[] => [
  ...(p.compared.length >= 2 ? [compareCase(p)] : []),
  pilotsCase(p),
  candidatesCase(p),
];
