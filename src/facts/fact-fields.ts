import { z } from 'zod';
import { CODE_LENGTHS_TEXT, REGION_CODE } from '../core/region-codes';
import { kebabId as kebab } from '../core/slug';
import { CLAIM_VERDICTS } from '../core/vocabulary';

/**
 * The fields every seed collection builds on: text, codes and provenance (quotes, editorial basis,
 * reviews).
 */

export const snake = z.string().regex(/^[a-z0-9]+(_[a-z0-9]+)*$/, 'must be ASCII snake_case');
export const regionCode = z
  .string()
  .regex(REGION_CODE, `must be an official code of ${CODE_LENGTHS_TEXT} digits`);
export const text = z.string().trim().min(1);

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
export const provenance = {
  citations: z.array(citationSchema).optional(),
  editorial: editorialSchema.optional(),
};

/** The recorded verdict of a review of a claim against its quotes (seed/FORMAT.md, "Claims"). */
export const reviewSchema = z.strictObject({ verdict: z.enum(CLAIM_VERDICTS), reason: text });
