import { checkClaims } from './seed-check-claims';
import { checkCoverage, checkObservations } from './seed-check-figures';
import { SeedCheck } from './seed-check-structure';
import { checkTimes } from './seed-check-time';
import type { Problem, SeedBundle } from './seed-files';

export interface CheckResult {
  readonly problems: Problem[];
  readonly warnings: Problem[];
  /** Source id → text, for the loader. */
  readonly texts: Map<string, string>;
  /** Region code → official gazetteer name, for every code the seed names. */
  readonly officialNames: Map<string, string>;
  readonly stats: { quotes: number; numbersCovered: number; ratesChecked: number };
}

/**
 * Everything `npm run seed:check` verifies beyond the schema. Pure apart from reading files;
 * sources are looked up in each folder's sources/.
 */
export async function checkSeed(
  bundle: SeedBundle,
  seedDir: string | readonly string[],
): Promise<CheckResult> {
  const check = new SeedCheck(bundle, seedDir);
  check.sources();
  const keys = check.keys();
  const names = await check.regions();
  check.provenance(keys);
  checkClaims(check);
  const spans = checkObservations(check, keys);
  checkTimes(check);
  const numbersCovered = checkCoverage(check, spans);
  return {
    problems: check.problems,
    warnings: check.warnings,
    texts: check.texts,
    officialNames: names,
    stats: { quotes: check.quotes, numbersCovered, ratesChecked: check.ratesChecked },
  };
}
