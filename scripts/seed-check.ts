import path from 'node:path';
import { PROJECT_ROOT } from '../src/core/config';
import { formatProblem, readSeed } from '../src/seed/seed.files';
import { checkSeed } from '../src/seed/seed.check';

/** npm run seed:check [-- DIR]: schema and consistency of seed/ (or DIR), every problem with file and path. */
async function main(): Promise<number> {
  const seedDir = path.resolve(process.argv[2] ?? path.join(PROJECT_ROOT, 'seed'));
  const { bundle, problems } = readSeed(seedDir);
  const checked = problems.length === 0 ? await checkSeed(bundle, seedDir) : undefined;
  const all = [...problems, ...(checked?.problems ?? [])];
  for (const p of all) console.error(`error: ${formatProblem(p)}`);
  for (const w of checked?.warnings ?? []) console.warn(`warning: ${formatProblem(w)}`);
  const counts = Object.entries(bundle).map(([k, v]) => `${k} ${v.length}`).join(', ');
  console.log(`${all.length === 0 ? 'seed OK' : `seed has ${all.length} problem(s)`}: ${counts}`);
  if (checked) console.log(`quotes located ${checked.stats.quotes}, numbers in the text covered ${checked.stats.numbersCovered}, rates checked against their counts ${checked.stats.ratesChecked}, warnings ${checked.warnings.length}`);
  return all.length === 0 ? 0 : 1;
}

main().then((code) => process.exit(code), (error) => {
  console.error(error);
  process.exit(1);
});
