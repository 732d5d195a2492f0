import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { MODEL_KINDS, UNIT_KINDS } from '../core/vocabulary';

/**
 * The seed's vocabulary, the only part of the seed the drafter reads: units, indicators, and the
 * names and aliases of models, principles and organisations. The curated answers (observations,
 * regions, practices, non-figures) are never opened, so a draft cannot copy them.
 */

/**
 * The files that hold it (mechanisms.yaml holds more models and organisations); of each, only these
 * collections' names are taken.
 */
export const VOCABULARY_FILES = [
  'units.yaml',
  'indicators.yaml',
  'models.yaml',
  'mechanisms.yaml',
  'principles.yaml',
  'organizations.yaml',
] as const;

const unit = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  kind: z.enum(UNIT_KINDS),
});
const indicator = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  unit: z.string(),
  higherIsBetter: z.boolean().nullable(),
});
const named = z.object({
  slug: z.string().optional(),
  id: z.string().optional(),
  name: z.string(),
  aliases: z.array(z.string()).optional(),
  kind: z.string().optional(),
});

export type VocabularyUnit = z.output<typeof unit>;
export type VocabularyIndicator = z.output<typeof indicator>;

/** A known name: a model, principle or organisation, by its key (slug or id). */
export interface KnownName {
  readonly kind: 'model' | 'principle' | 'organization';
  readonly key: string;
  readonly name: string;
  readonly aliases: readonly string[];
  readonly modelKind?: (typeof MODEL_KINDS)[number];
}

export interface Vocabulary {
  readonly units: readonly VocabularyUnit[];
  readonly indicators: readonly VocabularyIndicator[];
  readonly names: readonly KnownName[];
}

/**
 * The items under `key` in the vocabulary files of a folder, each decoded (items that do not decode
 * are skipped).
 */
function listOf<T>(dir: string, key: string, schema: z.ZodType<T>): T[] {
  return VOCABULARY_FILES.flatMap((file) => {
    const full = path.join(dir, file);
    if (!existsSync(full)) return [];
    const content = parse(readFileSync(full, 'utf8')) as Record<string, unknown> | null;
    const list = content?.[key];
    return Array.isArray(list)
      ? list.flatMap((item) => {
          const parsed = schema.safeParse(item);
          return parsed.success ? [parsed.data] : [];
        })
      : [];
  });
}

/** Reads the vocabulary files of a seed folder (missing ones are empty). */
export function readVocabulary(seedDir: string): Vocabulary {
  const toName =
    (kind: KnownName['kind']) =>
    (n: z.output<typeof named>): KnownName => ({
      kind,
      key: n.slug ?? n.id ?? n.name,
      name: n.name,
      aliases: n.aliases ?? [],
      modelKind:
        kind === 'model'
          ? (MODEL_KINDS as readonly string[]).includes(n.kind ?? '')
            ? (n.kind as KnownName['modelKind'])
            : undefined
          : undefined,
    });
  return {
    units: listOf(seedDir, 'units', unit),
    indicators: listOf(seedDir, 'indicators', indicator),
    names: [
      ...listOf(seedDir, 'models', named).map(toName('model')),
      ...listOf(seedDir, 'principles', named).map(toName('principle')),
      ...listOf(seedDir, 'organizations', named).map(toName('organization')),
    ],
  };
}
