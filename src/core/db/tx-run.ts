import type { ManagedTransaction, Record as Neo4jRecord } from 'neo4j-driver';
import { toNative } from './convert';
import type { Row } from './decode-rows';

/**
 * tx.run without the stack trace the driver formats for every result (a few percent of the CPU
 * of a simple read): its errors are mapped, and logged with their cause, here anyway.
 */
export function runQuiet(
  tx: ManagedTransaction,
  q: { readonly cypher: string; readonly params?: Readonly<Record<string, unknown>> },
) {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return tx.run(q.cypher, q.params ?? {});
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/** A record as plain values, keyed by column. */
export function toRow(record: Neo4jRecord): Row {
  const row: Row = {};
  for (const key of record.keys) row[String(key)] = toNative(record.get(key));
  return row;
}
