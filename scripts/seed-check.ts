import path from 'node:path';
import { PROJECT_ROOT } from '../src/core/config';
import { formatProblem, readSeedWith } from '../src/seed/seed.files';
import { checkSeed } from '../src/seed/seed.check';

/** The seed folder (first plain argument, default seed/) and the folders laid over it (--with DIR, repeatable). */
export function seedCheckArgs(argv: readonly string[]): { seedDir: string; extraDirs: string[] } {
  const extraDirs: string[] = [];
  const plain: string[] = [];
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i] === '--with' && argv[i + 1] !== undefined) extraDirs.push(path.resolve(argv[(i += 1)]!));
    else if (argv[i]!.startsWith('--with=')) extraDirs.push(path.resolve(argv[i]!.slice('--with='.length)));
    else plain.push(argv[i]!);
  }
  return { seedDir: path.resolve(plain[0] ?? path.join(PROJECT_ROOT, 'seed')), extraDirs };
}

/** npm run seed:check [-- DIR] [--with DRAFT …]: schema and consistency of seed/ (or DIR) with any drafts laid over it, every problem with file and path. */
async function main(): Promise<number> {
  const { seedDir, extraDirs } = seedCheckArgs(process.argv.slice(2));
  const { bundle, problems, warnings } = readSeedWith(seedDir, extraDirs);
  const checked = problems.length === 0 ? await checkSeed(bundle, [seedDir, ...extraDirs]) : undefined;
  const all = [...problems, ...(checked?.problems ?? [])];
  for (const p of all) console.error(`error: ${formatProblem(p)}`);
  for (const w of [...warnings, ...(checked?.warnings ?? [])]) console.warn(`warning: ${formatProblem(w)}`);
  const counts = Object.entries(bundle).map(([k, v]) => `${k} ${v.length}`).join(', ');
  console.log(`${all.length === 0 ? 'seed OK' : `seed has ${all.length} problem(s)`}: ${counts}`);
  if (checked) console.log(`quotes located ${checked.stats.quotes}, numbers in the text covered ${checked.stats.numbersCovered}, rates checked against their counts ${checked.stats.ratesChecked}, warnings ${checked.warnings.length}`);
  return all.length === 0 ? 0 : 1;
}

if (require.main === module) {
  main().then((code) => process.exit(code), (error) => {
    console.error(error);
    process.exit(1);
  });
}
