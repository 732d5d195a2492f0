import { z } from 'zod';

/**
 * Building blocks of row schemas. Cypher returns null for a property a node lacks (map projections
 * carry the key), so optional values are `nullable`, and lists and flags a node may lack are
 * defaulted ([] and false) in the entity's one transform. No per-field transforms: they would take
 * zod off its compiled fast path (15 µs instead of 1 µs per practice row, measured).
 */
export const text = z.string();
export const optText = z.string().nullable();
/** A list property a node may lack: null → [] in the entity's transform. */
export const texts = z.array(z.string()).nullable();
export const num = z.number();
export const optNum = z.number().nullable();
/** A flag a node may lack: null → false in the entity's transform. */
export const flag = z.boolean().nullable();
export const oneOf = <const T extends readonly [string, ...string[]]>(values: T) => z.enum(values);
export const optOneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values).nullable();

/**
 * Entries a projection may leave out when the selection does not read them (see `Lazy`): absent
 * as well as null, and made null, '' or [] in the entity's transform.
 */
export const lazy = {
  text: z.string().optional(),
  optText: z.string().nullish(),
  texts: z.array(z.string()).nullish(),
  optOneOf: <const T extends readonly [string, ...string[]]>(values: T) => z.enum(values).nullish(),
  optNum: z.number().nullish(),
  flag: z.boolean().nullish(),
};
