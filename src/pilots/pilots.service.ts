import { isLevel } from '../core/region-codes';
import type { PracticeRow, UnitRow } from './pilots.repository';
import {
  type CountyFeatures,
  type PracticeFeatures,
  rank,
  scoreCandidate,
  type Scored,
  scorePilot,
} from './scoring';

/**
 * Practices as scoring sees them, and the names of the models, principles and indicators they
 * mention.
 */
export function toPracticeFeatures(rows: readonly PracticeRow[]): {
  practices: PracticeFeatures[];
  names: Map<string, string>;
} {
  const names = new Map<string, string>();
  const keys = (xs: ReadonlyArray<{ key: string; name: string }>) => {
    for (const x of xs) names.set(x.key, x.name);
    return [...new Set(xs.map((x) => x.key))];
  };
  const practices = rows.map((r) => ({
    ...r,
    models: keys(r.models),
    principles: keys(r.principles),
    indicators: keys(r.indicators),
  }));
  return { practices, names };
}

/** Units with the models and principles practised in them (units without practices get none). */
export function toCountyFeatures(
  units: readonly UnitRow[],
  practices: readonly PracticeFeatures[],
): CountyFeatures[] {
  const byUnit = new Map<string, CountyFeatures>();
  for (const u of units) byUnit.set(u.code, { ...u, models: [], principles: [] });
  for (const p of practices) {
    const current = byUnit.get(p.unit.code) ?? { ...p.unit, models: [], principles: [] };
    byUnit.set(p.unit.code, {
      ...current,
      models: [...new Set([...current.models, ...p.models])],
      principles: [...new Set([...current.principles, ...p.principles])],
    });
  }
  return [...byUnit.values()];
}

/** The practices most like `key`, best first; null when no practice has that key. */
export function rankPilots(
  rows: readonly PracticeRow[],
  key: string,
  first: number,
): Array<Scored<PracticeFeatures>> | null {
  const { practices, names } = toPracticeFeatures(rows);
  const target = practices.find((p) => p.key === key);
  if (!target) return null;
  return rank(
    practices.filter((p) => p.key !== key).map((p) => scorePilot(target, p, names)),
    (p) => p.key,
    first,
  );
}

/**
 * County-level units without model `slug`, ranked by likeness to its adopters (none when it has
 * none).
 */
export function rankCandidates(
  rows: readonly PracticeRow[],
  units: readonly UnitRow[],
  slug: string,
  first: number,
): Array<Scored<CountyFeatures>> {
  const { practices, names } = toPracticeFeatures(rows);
  const counties = toCountyFeatures(units, practices);
  const adopters = counties.filter((u) => u.models.includes(slug));
  if (adopters.length === 0) return [];
  const candidates = counties.filter((u) => !u.models.includes(slug) && isLevel(u.code, 'COUNTY'));
  return rank(
    candidates.map((c) => scoreCandidate(c, adopters, names)),
    (c) => c.code,
    first,
  );
}
