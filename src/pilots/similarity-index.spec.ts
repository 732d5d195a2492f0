import fc from 'fast-check';
import type { PracticeRow, UnitRow } from './pilots.repository';
import { rankCandidates, rankPilots } from './pilots.service';
import { SimilarityIndex } from './similarity-index';

const pick = <T>(xs: readonly T[]) => fc.constantFrom(...xs);
const named = (prefix: string, n: number) =>
  fc
    .uniqueArray(fc.integer({ min: 0, max: n - 1 }), { maxLength: 4 })
    .map((xs) => xs.map((x) => ({ key: `${prefix}${x}`, name: `${prefix}名${x}` })));

const unitArb = fc.record({
  code: fc
    .tuple(pick(['53', '54']), pick(['01', '02']), fc.integer({ min: 1, max: 30 }), fc.boolean())
    .map(([p, c, n, zone]) => `${p}${c}${String(n).padStart(2, '0')}${zone ? '401' : ''}`),
  name: fc.constant('x'),
  kind: pick(['县', '区', '自治县']),
  autonomous: fc.boolean(),
  ethnicGroups: fc.subarray(['彝族', '回族', '苗族']),
});

const worldArb = fc
  .uniqueArray(unitArb, { minLength: 2, maxLength: 25, selector: (u) => u.code })
  .chain((units) =>
    fc
      .uniqueArray(
        fc.record({
          key: fc.integer({ min: 0, max: 999 }).map((n) => `p${n}`),
          unit: pick(units),
          models: named('m', 8),
          principles: named('x', 6),
          indicators: named('i', 6),
          category: pick(['A', 'B', 'C']),
          status: pick(['PILOT', 'ENDED']),
          level: pick(['COUNTY', 'TOWNSHIP']),
        }),
        { minLength: 1, maxLength: 40, selector: (p) => p.key },
      )
      .map((practices) => ({
        units: units.filter((u) => u.code.length === 6) as UnitRow[],
        practices: practices.map((p) => ({ ...p, name: p.key })) as PracticeRow[],
      })),
  );

const plain = <T extends { item: unknown; score: number; reasons: string[] }>(
  xs: readonly T[] | null,
  id: (item: T['item']) => string,
) => xs?.map((x) => ({ id: id(x.item), score: x.score, reasons: x.reasons })) ?? null;

describe('the similarity index', () => {
  it('ranks pilots exactly as the reference scorer does', () => {
    fc.assert(
      fc.property(worldArb, fc.integer({ min: 1, max: 12 }), ({ units, practices }, first) => {
        const index = new SimilarityIndex(practices, units);
        for (const key of [...practices.map((p) => p.key), 'missing']) {
          expect(plain(index.pilots(key, first), (p) => p.key)).toEqual(
            plain(rankPilots(practices, key, first), (p) => p.key),
          );
        }
      }),
      { numRuns: 150 },
    );
  });

  it('ranks adoption candidates exactly as the reference scorer does, with and without a short neighbour list', async () => {
    await fc.assert(
      fc.asyncProperty(
        worldArb,
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 4 }),
        async ({ units, practices }, first, neighbours) => {
          for (const index of [
            new SimilarityIndex(practices, units),
            new SimilarityIndex(practices, units, neighbours),
          ]) {
            for (const slug of ['m0', 'm1', 'm5', 'never']) {
              expect(plain(await index.candidates(slug, first), (c) => c.code)).toEqual(
                plain(rankCandidates(practices, units, slug, first), (c) => c.code),
              );
            }
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
