import { z } from 'zod';
import { kebabId as kebab } from '../core/slug';
import {
  DATE_PRECISIONS,
  LINEAGE_RELATIONS,
  MODEL_KINDS,
  ORGANIZATION_KINDS,
  PRACTICE_CATEGORIES,
  PRACTICE_STATUSES,
  PRINCIPLE_KINDS,
  SOURCE_KINDS,
} from '../core/vocabulary';
import {
  type citationSchema,
  type editorialSchema,
  provenance,
  regionCode,
  reviewSchema,
  text,
} from './fact-fields';
import { indicatorSchema, nonFigureSchema, observationSchema, unitSchema } from './figure.schema';

/** The seed files' schema (seed/FORMAT.md is its prose form; keep them in step). */

export const sourceSchema = z.strictObject({
  id: kebab,
  file: text,
  title: text,
  titleEn: text.optional(),
  author: text.optional(),
  publisher: text.optional(),
  originalPublisher: text.optional(),
  reporters: z.array(text).optional(),
  published: z.iso.datetime({ offset: true }),
  language: text,
  kind: z.enum(SOURCE_KINDS),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  url: z.url().optional(),
  /** The file the text was read from, when it is not the text itself (a page, a Word file, a PDF). */
  original: z
    .strictObject({
      file: text,
      mediaType: text,
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
      bytes: z.number().int().positive(),
    })
    .optional(),
});

export const regionSchema = z.strictObject({
  code: regionCode,
  name: text,
  within: regionCode.optional(),
  nameEn: text,
  pinyin: text,
  aliases: z.array(text).optional(),
  note: text.optional(),
  /**
   * A township-level code administered at county level: its host county and the basis for treating
   * it as a county-level unit.
   */
  countyLevel: z.strictObject({ host: regionCode, basis: text, ...provenance }).optional(),
});

export const principleSchema = z.strictObject({
  slug: kebab,
  name: text,
  nameEn: text,
  pinyin: text.optional(),
  kind: z.enum(PRINCIPLE_KINDS),
  description: text.optional(),
  descriptionEn: text.optional(),
});

export const modelSchema = z.strictObject({
  slug: kebab,
  name: text,
  nameEn: text,
  pinyin: text,
  aliases: z.array(text).optional(),
  kind: z.enum(MODEL_KINDS),
  summary: text.optional(),
  summaryEn: text.optional(),
  origin: z
    .strictObject({
      region: regionCode.optional(),
      year: z.number().int().min(1900).max(2100).optional(),
      review: reviewSchema.optional(),
      ...provenance,
    })
    .optional(),
  principles: z
    .array(z.strictObject({ slug: kebab, note: text.optional(), ...provenance }))
    .optional(),
  principlesComplete: z.boolean().optional(),
  derivedFrom: z
    .array(
      z.strictObject({
        slug: kebab,
        relation: z.enum(LINEAGE_RELATIONS),
        since: z.number().int().min(1900).max(2100).optional(),
        note: text.optional(),
        review: reviewSchema.optional(),
        ...provenance,
      }),
    )
    .optional(),
  ...provenance,
});

export const organizationSchema = z.strictObject({
  id: kebab,
  name: text,
  nameEn: text,
  kind: z.enum(ORGANIZATION_KINDS),
  region: regionCode.optional(),
  ...provenance,
});

export const personSchema = z.strictObject({
  id: kebab,
  name: text,
  nameEn: text.optional(),
  positions: z.array(
    z.strictObject({
      title: text,
      titleEn: text,
      organization: kebab.optional(),
      region: regionCode.optional(),
      period: text.optional(),
    }),
  ),
  ...provenance,
});

export const practiceSchema = z.strictObject({
  id: kebab,
  name: text,
  nameEn: text,
  region: regionCode,
  site: text.optional(),
  siteEn: text.optional(),
  models: z.array(kebab).min(1),
  category: z.enum(PRACTICE_CATEGORIES),
  status: z.enum(PRACTICE_STATUSES),
  started: z
    .strictObject({
      date: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD'),
      precision: z.enum(DATE_PRECISIONS),
    })
    .optional(),
  scale: text.optional(),
  scaleEn: text.optional(),
  description: text.optional(),
  descriptionEn: text.optional(),
  organizations: z.array(kebab).optional(),
  ...provenance,
});

/** Collection name → item schema. Every top-level key of a seed file must be one of these. */
export const COLLECTIONS = {
  sources: sourceSchema,
  regions: regionSchema,
  principles: principleSchema,
  models: modelSchema,
  organizations: organizationSchema,
  people: personSchema,
  practices: practiceSchema,
  units: unitSchema,
  indicators: indicatorSchema,
  observations: observationSchema,
  nonFigures: nonFigureSchema,
} as const;

export type CollectionName = keyof typeof COLLECTIONS;
export type SeedItem<C extends CollectionName> = z.output<(typeof COLLECTIONS)[C]>;
export type Citation = z.output<typeof citationSchema>;
export type Editorial = z.output<typeof editorialSchema>;

/**
 * Where an item was written (a seed file and path, or the API): reported with every problem about
 * it.
 */
export interface Located<T> {
  readonly item: T;
  readonly file: string;
  readonly path: string;
}

/** Every collection's items, as a seed folder (or one proposed fact) holds them. */
export type SeedBundle = { readonly [C in CollectionName]: ReadonlyArray<Located<SeedItem<C>>> };

/** A bundle with every collection empty, each list its own (so a reader may push to it). */
export const emptyBundle = (): { [C in CollectionName]: Array<Located<SeedItem<C>>> } => ({
  sources: [],
  regions: [],
  principles: [],
  models: [],
  organizations: [],
  people: [],
  practices: [],
  units: [],
  indicators: [],
  observations: [],
  nonFigures: [],
});
