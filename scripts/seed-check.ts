import path from 'node:path';
import { PROJECT_ROOT } from '../src/core/config';
import { REGION_LEVELS } from '../src/core/vocabulary';
import { coverage } from '../src/region/gazetteer';
import { checkSeed } from '../src/seed/seed-check';
import { checkGazetteer, provinceSample } from '../src/seed/seed-check-gazetteer';
import { formatProblem, readSeedWith } from '../src/seed/seed-files';
import type { SeedBundle } from '../src/seed/seed-files';
import { codesNamed } from '../src/seed/seed-regions';

/**
 * Which gazetteer units the naming check reads: those `npm start` loads, a sample of each province,
 * or all.
 */
export type GazetteerScope = 'seed' | 'sample' | 'all';

/**
 * The seed folder (first plain argument, default seed/), the folders laid over it (--with DIR,
 * repeatable) and --gazetteer SCOPE.
 */
export function seedCheckArgs(argv: readonly string[]): {
  seedDir: string;
  extraDirs: string[];
  gazetteer: GazetteerScope;
} {
  const extraDirs: string[] = [];
  const plain: string[] = [];
  let gazetteer: GazetteerScope = 'seed';
  for (let i = 0; i < argv.length; i += 1) {
    const scope = argv[i]!.startsWith('--gazetteer=')
      ? argv[i]!.slice('--gazetteer='.length)
      : argv[i] === '--gazetteer'
        ? argv[(i += 1)]
        : undefined;
    if (scope !== undefined) {
      if (scope !== 'seed' && scope !== 'sample' && scope !== 'all')
        throw new Error(`--gazetteer takes seed, sample or all, not ${scope}`);
      gazetteer = scope;
    } else if (argv[i] === '--with' && argv[i + 1] !== undefined)
      extraDirs.push(path.resolve(argv[(i += 1)]!));
    else if (argv[i]!.startsWith('--with='))
      extraDirs.push(path.resolve(argv[i]!.slice('--with='.length)));
    else plain.push(argv[i]!);
  }
  return {
    seedDir: path.resolve(plain[0] ?? path.join(PROJECT_ROOT, 'seed')),
    extraDirs,
    gazetteer,
  };
}

/**
 * The gazetteer's derived names, checked over the scope; prints units by level and kind, and every
 * problem.
 */
async function gazetteerNames(scope: GazetteerScope, bundle: SeedBundle): Promise<number> {
  const keep =
    scope === 'all'
      ? () => true
      : scope === 'sample'
        ? provinceSample
        : coverage(['53'], codesNamed(bundle));
  const { units, kinds, problems } = await checkGazetteer(keep);
  for (const p of problems) console.error(`error: gazetteer ${p.message}`);
  const byLevel = new Map<string, string[]>();
  for (const [key, n] of [...kinds].sort(([a], [b]) => a.localeCompare(b))) {
    const [level, kind] = key.split(' ');
    byLevel.set(level!, [...(byLevel.get(level!) ?? []), `${kind} ${n.toLocaleString('en')}`]);
  }
  for (const level of REGION_LEVELS)
    if (byLevel.has(level)) console.log(`  ${level.padEnd(10)} ${byLevel.get(level)!.join(', ')}`);
  console.log(
    `gazetteer names (${scope}) ${problems.length === 0 ? 'OK' : `have ${problems.length} problem(s)`}: ${units.toLocaleString('en')} units`,
  );
  return problems.length;
}

/**
 * npm run seed:check [-- DIR] [--with DRAFT …] [--gazetteer seed|sample|all]: schema and
 * consistency of seed/ (or DIR) with any drafts laid over it, every problem with file and path;
 * then the gazetteer's names.
 */
async function main(): Promise<number> {
  const { seedDir, extraDirs, gazetteer } = seedCheckArgs(process.argv.slice(2));
  const { bundle, problems, warnings } = readSeedWith(seedDir, extraDirs);
  const checked =
    problems.length === 0 ? await checkSeed(bundle, [seedDir, ...extraDirs]) : undefined;
  const all = [...problems, ...(checked?.problems ?? [])];
  for (const p of all) console.error(`error: ${formatProblem(p)}`);
  for (const w of [...warnings, ...(checked?.warnings ?? [])])
    console.warn(`warning: ${formatProblem(w)}`);
  const counts = Object.entries(bundle)
    .map(([k, v]) => `${k} ${v.length}`)
    .join(', ');
  console.log(`${all.length === 0 ? 'seed OK' : `seed has ${all.length} problem(s)`}: ${counts}`);
  if (checked)
    console.log(
      `quotes located ${checked.stats.quotes}, numbers in the text covered ${checked.stats.numbersCovered}, rates checked against their counts ${checked.stats.ratesChecked}, warnings ${checked.warnings.length}`,
    );
  const naming = await gazetteerNames(gazetteer, bundle);
  return all.length === 0 && naming === 0 ? 0 : 1;
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
