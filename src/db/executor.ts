import { Neo4jError, type Driver, type ManagedTransaction, type Record as Neo4jRecord } from 'neo4j-driver';
import { AppError, ConflictError, DatabaseUnavailableError, InternalError, QueryTimeoutError } from '../errors/errors';
import { toNative } from './convert';

/** A Cypher statement and its parameters, as repositories build them. */
export interface CypherQuery {
  readonly cypher: string;
  readonly params?: Readonly<Record<string, unknown>>;
}

export interface ExecutorOptions {
  readonly database: string;
  readonly timeoutMs: number;
  /** Sent as transaction metadata, so `SHOW TRANSACTIONS` tells who ran what. */
  readonly app: string;
}

export type Row = Record<string, unknown>;

/**
 * The one place that talks to the driver: managed transactions with a timeout and metadata,
 * results converted to plain values, driver errors mapped to API errors. `roundTrips` counts
 * the transactions this executor ran (a per-request executor counts per request).
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

  read(query: CypherQuery, label = 'read'): Promise<Row[]> {
    return this.run('READ', [query], label).then((rows) => rows[0] ?? []);
  }

  write(query: CypherQuery, label = 'write'): Promise<Row[]> {
    return this.run('WRITE', [query], label).then((rows) => rows[0] ?? []);
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
        const result = await tx.run(q.cypher, q.params ?? {});
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

function toRow(record: Neo4jRecord): Row {
  const row: Row = {};
  for (const key of record.keys) row[String(key)] = toNative(record.get(key));
  return row;
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
