import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import {
  type CollectionName,
  COLLECTIONS,
  emptyBundle,
  type Located,
  type SeedBundle,
  type SeedItem,
} from '../facts/fact.schema';

export type { Located, SeedBundle } from '../facts/fact.schema';

export interface Problem {
  readonly file: string;
  readonly path: string;
  readonly message: string;
}

export const formatProblem = (p: Problem): string =>
  `${p.file}${p.path ? `: ${p.path}` : ''}: ${p.message}`;

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return entry.name === 'sources' ? [] : yamlFiles(full);
      return /\.ya?ml$/.test(entry.name) ? [full] : [];
    })
    .sort();
}

/** Reads and schema-checks every seed file; problems carry file and path, nothing is thrown. */
export function readSeed(seedDir: string): { bundle: SeedBundle; problems: Problem[] } {
  const problems: Problem[] = [];
  const bundle = emptyBundle();
  for (const full of yamlFiles(seedDir)) {
    const file = path.relative(path.dirname(seedDir), full);
    const doc = parseDocument(readFileSync(full, 'utf8'), { prettyErrors: true });
    if (doc.errors.length > 0) {
      for (const e of doc.errors)
        problems.push({
          file,
          path: `line ${e.linePos?.[0]?.line ?? '?'}`,
          message: e.message.split('\n')[0]!,
        });
      continue;
    }
    const content: unknown = doc.toJS();
    if (content === null || typeof content !== 'object' || Array.isArray(content)) {
      problems.push({ file, path: '', message: 'must be a mapping of collection names to lists' });
      continue;
    }
    for (const [name, list] of Object.entries(content)) {
      if (!(name in COLLECTIONS)) {
        problems.push({
          file,
          path: name,
          message: `unknown collection (expected one of ${Object.keys(COLLECTIONS).join(', ')})`,
        });
        continue;
      }
      if (!Array.isArray(list)) {
        problems.push({ file, path: name, message: 'must be a list' });
        continue;
      }
      list.forEach((raw, index) =>
        problems.push(
          ...collectInto(bundle, name as CollectionName, raw, file, `${name}[${index}]`),
        ),
      );
    }
  }
  return { bundle, problems };
}

/**
 * The seed with extra folders laid over it (a draft to review: `seed:check -- --with drafts/x`).
 * An extra folder's region whose code the seed already lists is left out, with a warning: the
 * seed's curated entry stands, and the draft need not know the seed to propose its regions.
 */
export function readSeedWith(
  seedDir: string,
  extraDirs: readonly string[],
): { bundle: SeedBundle; problems: Problem[]; warnings: Problem[] } {
  const base = readSeed(seedDir);
  const merged = { ...base.bundle } as Bundle;
  const problems = [...base.problems];
  const warnings: Problem[] = [];
  for (const dir of extraDirs) {
    const extra = readSeed(dir);
    problems.push(...extra.problems);
    const listed = new Set(merged.regions.map((r) => r.item.code));
    for (const name of Object.keys(COLLECTIONS) as CollectionName[]) {
      const items = (extra.bundle[name] as Bundle[typeof name]).filter((entry) => {
        const code = name === 'regions' ? (entry.item as SeedItem<'regions'>).code : undefined;
        if (code === undefined || !listed.has(code)) return true;
        warnings.push({
          file: entry.file,
          path: entry.path,
          message: `region ${code} is already in the seed; the seed's entry stands`,
        });
        return false;
      });
      (merged[name] as unknown[]) = [...merged[name], ...items];
    }
  }
  return { bundle: merged, problems, warnings };
}

type Bundle = { [C in CollectionName]: Array<Located<SeedItem<C>>> };

/** The same schemas, typed per collection so a generic name picks its own item type. */
const SCHEMAS: { [C in CollectionName]: z.ZodType<SeedItem<C>> } = COLLECTIONS;

const collectInto = <C extends CollectionName>(
  bundle: Bundle,
  name: C,
  raw: unknown,
  file: string,
  at: string,
): Problem[] => collect(bundle[name], SCHEMAS[name], raw, file, at);

/** Decodes one item into its collection, or returns what is wrong with it. */
function collect<T>(
  into: Array<Located<T>>,
  schema: z.ZodType<T>,
  raw: unknown,
  file: string,
  at: string,
): Problem[] {
  const parsed = schema.safeParse(raw);
  if (parsed.success) {
    into.push({ item: parsed.data, file, path: at });
    return [];
  }
  return parsed.error.issues.map((issue) => ({
    file,
    path: [at, ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
}
