import type { z } from 'zod';
import { IntegrityError } from '../errors';

/** A result row as plain values (driver types converted): what a statement answers before decoding. */
export type Row = Record<string, unknown>;

/**
 * Rows decoded by their schema. A row the schema refuses means the graph holds what the code does
 * not expect: an integrity fault, not a value flowing on typed wrong. The executor decodes every
 * read and write with it; a write transaction's `run` answers plain rows, decoded with it too.
 */
export function decodeRows<T>(schema: z.ZodType<T>, rows: readonly Row[], label: string): T[] {
  return rows.map((row) => {
    const decoded = schema.safeParse(row);
    if (!decoded.success)
      throw new IntegrityError(`a ${label} row does not have the expected shape`, decoded.error);
    return decoded.data;
  });
}
