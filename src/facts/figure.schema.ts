import { z } from 'zod';
import { kebabId as kebab } from '../core/slug';
import {
  COMPARISON_KINDS,
  PERIOD_KINDS,
  QUALIFIERS,
  SOURCE_KINDS,
  UNIT_KINDS,
} from '../core/vocabulary';
import { provenance, regionCode, snake, text } from './fact-fields';

/**
 * The seed's figures: units, indicators, the observations that report them, and numbers that are
 * not figures.
 */

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
