import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { COLLECTIONS, type CollectionName, type Located, type SeedBundle, type SeedItem } from '../facts/fact.schema';

export type { Located, SeedBundle } from '../facts/fact.schema';

export interface Problem {
  readonly file: string;
  readonly path: string;
  readonly message: string;
}

export const formatProblem = (p: Problem): string => `${p.file}${p.path ? `: ${p.path}` : ''}: ${p.message}`;

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
  const bundle: Bundle = {
    sources: [], regions: [], principles: [], models: [], organizations: [], people: [], practices: [], units: [], indicators: [], observations: [], nonFigures: [],
  };
  for (const full of yamlFiles(seedDir)) {
    const file = path.relative(path.dirname(seedDir), full);
    const doc = parseDocument(readFileSync(full, 'utf8'), { prettyErrors: true });
    if (doc.errors.length > 0) {
      for (const e of doc.errors) problems.push({ file, path: `line ${e.linePos?.[0]?.line ?? '?'}`, message: e.message.split('\n')[0]! });
      continue;
    }
    const content: unknown = doc.toJS();
    if (content === null || typeof content !== 'object' || Array.isArray(content)) {
      problems.push({ file, path: '', message: 'must be a mapping of collection names to lists' });
      continue;
    }
    for (const [name, list] of Object.entries(content)) {
      if (!(name in COLLECTIONS)) {
        problems.push({ file, path: name, message: `unknown collection (expected one of ${Object.keys(COLLECTIONS).join(', ')})` });
        continue;
      }
      if (!Array.isArray(list)) {
        problems.push({ file, path: name, message: 'must be a list' });
        continue;
      }
      list.forEach((raw, index) => problems.push(...collectInto(bundle, name as CollectionName, raw, file, `${name}[${index}]`)));
    }
  }
  return { bundle, problems };
}

type Bundle = { [C in CollectionName]: Array<Located<SeedItem<C>>> };

/** The same schemas, typed per collection so a generic name picks its own item type. */
const SCHEMAS: { [C in CollectionName]: z.ZodType<SeedItem<C>> } = COLLECTIONS;

const collectInto = <C extends CollectionName>(bundle: Bundle, name: C, raw: unknown, file: string, at: string): Problem[] =>
  collect(bundle[name], SCHEMAS[name], raw, file, at);

/** Decodes one item into its collection, or returns what is wrong with it. */
function collect<T>(into: Array<Located<T>>, schema: z.ZodType<T>, raw: unknown, file: string, at: string): Problem[] {
  const parsed = schema.safeParse(raw);
  if (parsed.success) {
    into.push({ item: parsed.data, file, path: at });
    return [];
  }
  return parsed.error.issues.map((issue) => ({ file, path: [at, ...issue.path.map(String)].join('.'), message: issue.message }));
}
