import { Neo4jError, type Driver, type ManagedTransaction, type Record as Neo4jRecord } from 'neo4j-driver';
import type { z } from 'zod';
import { AppError, ConflictError, DatabaseUnavailableError, IntegrityError, InternalError, QueryTimeoutError } from '../errors';
import { toNative } from './convert';

export type Row = Record<string, unknown>;

/** A Cypher statement and its parameters, as repositories build them. */
export interface CypherQuery {
  readonly cypher: string;
  readonly params?: Readonly<Record<string, unknown>>;
}

/** A read whose rows are decoded, once, by a schema: nothing driver-shaped leaves the executor. */
export interface DecodedQuery<T> extends CypherQuery {
  readonly row: z.ZodType<T>;
}

export interface ExecutorOptions {
  readonly database: string;
  readonly timeoutMs: number;
  /** Sent as transaction metadata, so `SHOW TRANSACTIONS` tells who ran what. */
  readonly app: string;
}

/**
 * The one place that talks to the driver: managed transactions with a timeout and metadata,
 * results converted to plain values and decoded, driver errors mapped to API errors.
 * `roundTrips` counts the transactions this executor ran (a per-request executor counts per request).
 */
export class Executor {
  private trips = 0;

  constructor(
    readonly driver: Driver,
    private readonly options: ExecutorOptions,
  ) {}

  get roundTrips(): number {
    return this.trips;
  }

  /** A new executor on the same driver with its own round-trip counter and tag. */
  scoped(tag: string): Executor {
    return new Executor(this.driver, { ...this.options, app: `${this.options.app}:${tag}` });
  }

  read<T>(query: DecodedQuery<T>, label?: string): Promise<T[]>;
  read(query: CypherQuery, label?: string): Promise<Row[]>;
  async read<T>(query: CypherQuery | DecodedQuery<T>, label = 'read'): Promise<Array<T | Row>> {
    const [rows = []] = await this.run('READ', [query], label);
    return 'row' in query ? decodeRows(query.row, rows, label) : rows;
  }

  async write(query: CypherQuery, label = 'write'): Promise<Row[]> {
    const [rows = []] = await this.run('WRITE', [query], label);
    return rows;
  }

  /** Several statements in one write transaction: all apply or none does. */
  writeAll(queries: readonly CypherQuery[], label = 'write'): Promise<Row[][]> {
    return this.run('WRITE', queries, label);
  }

  private async run(mode: 'READ' | 'WRITE', queries: readonly CypherQuery[], label: string): Promise<Row[][]> {
    const session = this.driver.session({ database: this.options.database, defaultAccessMode: mode });
    const work = async (tx: ManagedTransaction): Promise<Row[][]> => {
      const out: Row[][] = [];
      for (const q of queries) {
        const result = await runQuiet(tx, q);
        out.push(result.records.map(toRow));
      }
      return out;
    };
    const config = { timeout: this.options.timeoutMs, metadata: { app: this.options.app, op: label } };
    this.trips += 1;
    try {
      return mode === 'READ' ? await session.executeRead(work, config) : await session.executeWrite(work, config);
    } catch (error) {
      throw mapDriverError(error);
    } finally {
      await session.close();
    }
  }
}

/**
 * tx.run without the stack trace the driver formats for every result (a few percent of the CPU
 * of a simple read): its errors are mapped, and logged with their cause, here anyway.
 */
function runQuiet(tx: ManagedTransaction, q: CypherQuery) {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return tx.run(q.cypher, q.params ?? {});
  } finally {
    Error.stackTraceLimit = limit;
  }
}

function toRow(record: Neo4jRecord): Row {
  const row: Row = {};
  for (const key of record.keys) row[String(key)] = toNative(record.get(key));
  return row;
}

/** A row the schema refuses means the graph holds what the code does not expect: an integrity fault. */
function decodeRows<T>(schema: z.ZodType<T>, rows: readonly Row[], label: string): T[] {
  return rows.map((row) => {
    const decoded = schema.safeParse(row);
    if (!decoded.success) throw new IntegrityError(`a ${label} row does not have the expected shape`, decoded.error);
    return decoded.data;
  });
}

const UNAVAILABLE = new Set(['ServiceUnavailable', 'SessionExpired', 'Neo.ClientError.Security.Unauthorized', 'Neo.ClientError.Database.DatabaseNotFound']);

/** Driver and server errors → the API's error catalogue. */
export function mapDriverError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof Neo4jError) {
    const code = error.code ?? '';
    if (UNAVAILABLE.has(code) || code.startsWith('Neo.TransientError.General.DatabaseUnavailable')) return new DatabaseUnavailableError(error);
    if (code.startsWith('Neo.ClientError.Transaction.TransactionTimedOut') || code === 'Neo.TransientError.Transaction.LockClientStopped') {
      return new QueryTimeoutError(error);
    }
    if (code === 'Neo.ClientError.Schema.ConstraintValidationFailed') return new ConflictError('The change conflicts with existing data', error);
    if (/acquisition timed out|connection.*(refused|timed out)/i.test(error.message)) return new DatabaseUnavailableError(error);
  }
  return new InternalError(error);
}
