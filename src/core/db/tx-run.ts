import type { ManagedTransaction, Record as Neo4jRecord, Session } from 'neo4j-driver';
import { toNative } from './convert';
import type { Row } from './decode-rows';

/**
 * tx.run without the stack trace the driver formats for every result (a few percent of the CPU
 * of a simple read): its errors are mapped, and logged with their cause, here anyway.
 */
export function runQuiet(tx: ManagedTransaction, q: Statement) {
  return quietly(() => tx.run(q.cypher, q.params ?? {}));
}

/**
 * One statement in an auto-commit transaction of `session`, its rows as plain values. A read
 * needs no explicit transaction: BEGIN and COMMIT would double its Bolt messages and add a round
 * trip (about half the driver's CPU for a one-node read); the executor retries it instead.
 */
export async function runAutoCommit(
  session: Session,
  q: Statement,
  config: Parameters<Session['run']>[2],
): Promise<Row[]> {
  const result = await quietly(() => session.run(q.cypher, q.params ?? {}, config));
  return result.records.map(toRow);
}

interface Statement {
  readonly cypher: string;
  readonly params?: Readonly<Record<string, unknown>>;
}

function quietly<T>(run: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return run();
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
