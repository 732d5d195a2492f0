import { z } from 'zod';

/**
 * Building blocks of row schemas. Neo4j returns null for a missing property and the seed leaves
 * lists out when empty, so optional values decode to null and lists to [] — once, here.
 */
export const text = z.string();
export const optText = z.string().nullish().transform((v) => v ?? null);
export const texts = z.array(z.string()).nullish().transform((v) => v ?? []);
export const num = z.number();
export const optNum = z.number().nullish().transform((v) => v ?? null);
export const flag = z.boolean().nullish().transform((v) => v ?? false);
export const optFlag = z.boolean().nullish().transform((v) => v ?? null);
export const oneOf = <const T extends readonly [string, ...string[]]>(values: T) => z.enum(values);
export const optOneOf = <const T extends readonly [string, ...string[]]>(values: T) => z.enum(values).nullish().transform((v) => v ?? null);
/** A list of items (null → []), each decoded by `item`. */
export const listOf = <T extends z.ZodType>(item: T) => z.array(item).nullish().transform((v): Array<z.output<T>> => v ?? []);

/** A row holding one column `key` decoded by `value`: the shape of `RETURN x AS key` queries. */
export const column = <K extends string, T extends z.ZodType>(key: K, value: T) => z.object({ [key]: value } as { [P in K]: T });

