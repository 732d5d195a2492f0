import { isLevel } from '../core/region-codes';
import type { CountyFeatures } from './scoring';
import type { UnitTable } from './similarity-features';
import { pairScore } from './similarity-scores';

/** Each county's `k` best-matching units, best first (-1 past the end of a short list). */
export interface Neighbours {
  readonly near: Int32Array;
  /** The score of the last unit a county keeps; -1 when its list holds every other unit. */
  readonly floor: Float64Array;
}

/**
 * Each county's best-matching units, and `floor`: the score of the last one kept (-1 when the list
 * holds every other unit). Yields between chunks: at national scale this takes a while.
 */
export async function nearestUnits(
  table: UnitTable,
  units: readonly CountyFeatures[],
  k: number,
): Promise<Neighbours> {
  const u = units.length;
  const near = new Int32Array(u * k).fill(-1);
  const floor = new Float64Array(u).fill(-1);
  const scores = new Float64Array(k);
  for (let c = 0; c < u; c += 1) {
    if (c % 200 === 0) await new Promise((resolve) => setImmediate(resolve));
    if (!isLevel(units[c]!.code, 'COUNTY')) continue;
    let filled = 0;
    for (let a = 0; a < u; a += 1) {
      if (a === c) continue;
      const s = pairScore(table, units, c, a);
      if (filled === k && s <= scores[k - 1]!) continue;
      let at = Math.min(filled, k - 1);
      while (at > 0 && scores[at - 1]! < s) {
        scores[at] = scores[at - 1]!;
        near[c * k + at] = near[c * k + at - 1]!;
        at -= 1;
      }
      scores[at] = s;
      near[c * k + at] = a;
      if (filled < k) filled += 1;
    }
    if (filled === k) floor[c] = scores[k - 1]!;
  }
  return { near, floor };
}
