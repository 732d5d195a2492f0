import type { CountyFeatures } from './scoring';
import type { PracticeTable, UnitTable } from './similarity-features';

/**
 * scoring.ts's totals on the packed tables of similarity-features.ts: the same additions in the
 * same order, so the similarity index ranks exactly as the reference scorers do.
 */
const round = (n: number) => Math.round(n * 100) / 100;

const commonCount = (a: readonly string[], b: readonly string[]): number =>
  a.filter((x) => b.includes(x)).length;

/** scorePilot's total, added in the same order so the rounding is the same. */
export function pilotScore(
  p: PracticeTable,
  u: UnitTable,
  units: readonly CountyFeatures[],
  q: number,
  i: number,
): number {
  const qu = p.unit[q]!;
  const iu = p.unit[i]!;
  let s = 3 * p.models.common(q, p.models, i);
  s += Math.min(3, p.principles.common(q, p.principles, i));
  if (p.category[q] === p.category[i]) s += 2;
  if (p.status[q] === p.status[i]) s += 1;
  if (u.autonomous[qu] && u.autonomous[iu]) {
    s += 1;
    s += 0.5 * commonCount(units[qu]!.ethnicGroups, units[iu]!.ethnicGroups);
  }
  if (p.kind[q] === p.kind[i]) s += 0.5;
  if (p.level[q] === p.level[i]) s += 0.5;
  s += Math.min(3, p.indicators.common(q, p.indicators, i));
  return round(s);
}

/** scoreCandidate's total for one adopter, in the same order of additions. */
export function pairScore(
  u: UnitTable,
  units: readonly CountyFeatures[],
  c: number,
  a: number,
): number {
  const im = u.models.common(c, u.models, a);
  const um = u.models.sizes[c]! + u.models.sizes[a]! - im;
  let s = 3 * (um === 0 ? 0 : im / um);
  const ip = u.principles.common(c, u.principles, a);
  const up = u.principles.sizes[c]! + u.principles.sizes[a]! - ip;
  s += 2 * (up === 0 ? 0 : ip / up);
  if (u.prefecture[c] === u.prefecture[a]) s += 2;
  else if (u.province[c] === u.province[a]) s += 1;
  if (u.kind[c] === u.kind[a]) s += 1;
  if (u.autonomous[c] && u.autonomous[a]) {
    s += 1.5;
    s += 0.5 * commonCount(units[c]!.ethnicGroups, units[a]!.ethnicGroups);
  }
  return round(s);
}
