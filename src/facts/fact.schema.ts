import { z } from 'zod';
import { CODE_LENGTHS_TEXT, REGION_CODE } from '../core/region-codes';
import { kebabId as kebab } from '../core/slug';
import {
  CLAIM_VERDICTS,
  COMPARISON_KINDS,
  DATE_PRECISIONS,
  LINEAGE_RELATIONS,
  MODEL_KINDS,
  ORGANIZATION_KINDS,
  PERIOD_KINDS,
  PRACTICE_CATEGORIES,
  PRACTICE_STATUSES,
  PRINCIPLE_KINDS,
  QUALIFIERS,
  SOURCE_KINDS,
  UNIT_KINDS,
} from '../core/vocabulary';

/** The seed files' schema (seed/FORMAT.md is its prose form; keep them in step). */

const snake = z.string().regex(/^[a-z0-9]+(_[a-z0-9]+)*$/, 'must be ASCII snake_case');
const regionCode = z
  .string()
  .regex(REGION_CODE, `must be an official code of ${CODE_LENGTHS_TEXT} digits`);
const text = z.string().trim().min(1);

export const citationSchema = z.union([
  text,
  z.strictObject({
    quote: text,
    source: kebab.optional(),
    occurrence: z.number().int().positive().optional(),
  }),
]);
export const editorialSchema = z.strictObject({ basis: text, note: text.optional() });

/** Provenance: quotes, or an editorial basis, or both where a quote supports part of it. */
const provenance = {
  citations: z.array(citationSchema).optional(),
  editorial: editorialSchema.optional(),
};

/** The recorded verdict of a review of a claim against its quotes (seed/FORMAT.md, "Claims"). */
export const reviewSchema = z.strictObject({ verdict: z.enum(CLAIM_VERDICTS), reason: text });

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
});

export const regionSchema = z.strictObject({
  code: regionCode,
  name: text,
  within: regionCode.optional(),
  nameEn: text,
  pinyin: text,
  aliases: z.array(text).optional(),
  note: text.optional(),
  /** A township-level code administered at county level: its host county and the basis for treating it as a county-level unit. */
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

export const unitSchema = z.strictObject({
  code: z.string().regex(/^[A-Za-z0-9_-]+$/),
  name: text,
  nameEn: text,
  kind: z.enum(UNIT_KINDS),
});

export const indicatorSchema = z.strictObject({
  code: snake,
  name: text,
  nameEn: text,
  unit: text,
  higherIsBetter: z.boolean().nullable(),
  description: text.optional(),
  descriptionEn: text.optional(),
});

export const observationSchema = z.strictObject({
  id: kebab,
  indicator: snake,
  value: z.number().finite(),
  unit: text,
  qualifier: z.enum(QUALIFIERS).default('EXACT'),
  time: z.enum(PERIOD_KINDS),
  period: z
    .string()
    .regex(
      /^(\.\.|\d{4}(-\d{2}(-\d{2})?)?(-Q[1-4]|-H[12])?)(\/(\.\.|\d{4}(-\d{2}(-\d{2})?)?))?$/,
      'must be an ISO 8601 date or interval (2020, 2020-01/2020-06, ../2020-12-31)',
    )
    .optional(),
  region: regionCode,
  practice: kebab.optional(),
  numerator: kebab.optional(),
  denominator: kebab.optional(),
  comparison: z
    .strictObject({ kind: z.enum(COMPARISON_KINDS), basePeriod: text.optional() })
    .optional(),
  scope: text.optional(),
  reported: text,
  reportedOccurrence: z.number().int().positive().optional(),
  sourceKind: z.enum(SOURCE_KINDS).optional(),
  /** Where the reported rate differs from the rate its counts give at the reported precision. */
  discrepancy: z.strictObject({ computed: z.number().finite(), note: text }).optional(),
  note: text.optional(),
  ...provenance,
});

export const nonFigureSchema = z.strictObject({
  source: kebab.optional(),
  text: text,
  occurrence: z.number().int().positive().optional(),
  reason: text,
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

/** Where an item was written (a seed file and path, or the API): reported with every problem about it. */
export interface Located<T> {
  readonly item: T;
  readonly file: string;
  readonly path: string;
}

/** Every collection's items, as a seed folder (or one proposed fact) holds them. */
export type SeedBundle = { readonly [C in CollectionName]: ReadonlyArray<Located<SeedItem<C>>> };
