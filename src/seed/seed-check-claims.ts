import { edgeProblem, originProblem } from '../facts/claims.rules';
import type { SeedCheck } from './seed-check-structure';

/** The claims check of the seed (the rule: src/facts/claims.rules.ts). */

/** Every origin and lineage edge of every model: reviewed, and as strong as its quotes. */
export function checkClaims(check: SeedCheck): void {
  const models = new Map(check.bundle.models.map((m) => [m.item.slug, m.item]));
  for (const m of check.bundle.models) {
    const origin = m.item.origin;
    const problem = origin && originProblem(origin);
    if (problem) check.fail(m, problem, '.origin');
    m.item.derivedFrom?.forEach((edge, i) => {
      const p = edgeProblem(edge, m.item, models.get(edge.slug));
      if (p) check.fail(m, p, `.derivedFrom[${i}]`);
    });
  }
}
