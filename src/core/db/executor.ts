import {
  type BookmarkManager,
  bookmarkManager,
  type Driver,
  type ManagedTransaction,
  type Session,
} from 'neo4j-driver';
import type { z } from 'zod';
import { type AppError, WriteOutcomeUnknownError } from '../errors';
import { type CircuitBreaker, untilOpens } from './breaker';
import { decodeRows, type Row } from './decode-rows';
import { isDatabaseUnavailable, mapDriverError } from './driver-errors';
import { observeTransaction, openSession } from './executor-observer';
import { retried } from './read-retry';
import { runAutoCommit, runQuiet, toRow } from './tx-run';

export type { Row } from './decode-rows';

/** A Cypher statement and its parameters, as repositories build them. */
export interface CypherQuery {
  readonly cypher: string;
  readonly params?: Readonly<Record<string, unknown>>;
}

/**
 * A statement whose rows are decoded, once, by a schema: nothing driver-shaped leaves the executor.
 */
export interface DecodedQuery<T> extends CypherQuery {
  readonly row: z.ZodType<T>;
}

export interface ExecutorOptions {
  readonly database: string;
  readonly timeoutMs: number;
  /** Sent as transaction metadata, so `SHOW TRANSACTIONS` tells who ran what. */
  readonly app: string;
  /**
   * While open, calls fail at once instead of waiting out the driver's retries; failures that mean
   * the database is unavailable open it.
   */
  readonly breaker?: CircuitBreaker;
  /**
   * The process's bookmarks: every session of this executor and its copies starts after the
   * writes they saw (causal chaining across a cluster's members). Made by the first executor.
   */
  readonly bookmarks?: BookmarkManager;
  /** Bookmarks a client brought back (the Zhili-Bookmark header): reads wait for those writes. */
  readonly after?: readonly string[];
  /** How long a read is retried on transient errors (NEO4J_MAX_RETRY_MS; 2 s if not given). */
  readonly retryMs?: number;
}

/**
 * The one place that talks to the driver: reads in auto-commit transactions (retried here),
 * writes in managed ones, each with a timeout and metadata; results converted to plain values
 * and decoded, driver errors mapped to API errors.
 * `roundTrips` counts the transactions this executor ran (a per-request executor counts per
 * request).
 */
export class Executor {
  private trips = 0;
  private written: string[] = [];
  private readonly options: ExecutorOptions & { readonly bookmarks: BookmarkManager };

  constructor(
    readonly driver: Driver,
    options: ExecutorOptions,
  ) {
    this.options = { ...options, bookmarks: options.bookmarks ?? bookmarkManager() };
  }

  get roundTrips(): number {
    return this.trips;
  }

  /** The bookmarks of this executor's last write (empty before one): what a client brings back. */
  get writtenBookmarks(): readonly string[] {
    return this.written;
  }

  /**
   * Bookmarks of a write another process made (its revision broadcast): every session of this
   * process starts after that write from now on, so an answer cached under the new revision is
   * never read from a member that has not applied it.
   */
  learnBookmarks(bookmarks: readonly string[]): Promise<void> {
    return this.options.bookmarks.updateBookmarks([], bookmarks);
  }

  /** The bookmarks a client brought back, which this executor's sessions wait for. */
  get awaited(): readonly string[] {
    return this.options.after ?? [];
  }

  /** A copy whose sessions also wait for the writes `bookmarks` name (a client's, on any replica). */
  after(bookmarks: readonly string[]): Executor {
    return new Executor(this.driver, { ...this.options, after: bookmarks });
  }

  /** A new executor on the same driver with its own round-trip counter and tag. */
  scoped(tag: string): Executor {
    return new Executor(this.driver, { ...this.options, app: `${this.options.app}:${tag}` });
  }

  /** This executor behind `breaker` (the API's; start-up and the seed loader run without one). */
  guardedBy(breaker: CircuitBreaker): Executor {
    return new Executor(this.driver, { ...this.options, breaker });
  }

  /** A session, unless the breaker knows Neo4j is down: then DATABASE_UNAVAILABLE at once. */
  private open(mode: 'READ' | 'WRITE') {
    if (this.options.breaker?.isOpen) throw this.options.breaker.unavailable();
    return openSession(this.driver, {
      database: this.options.database,
      defaultAccessMode: mode,
      bookmarkManager: this.options.bookmarks,
      bookmarks: this.options.after ? [...this.options.after] : undefined,
    });
  }

  /** Its timeout, and metadata so `SHOW TRANSACTIONS` tells who ran what. */
  private txConfig(label: string) {
    return { timeout: this.options.timeoutMs, metadata: { app: this.options.app, op: label } };
  }

  /** Keeps a write session's bookmarks, for the client to bring back. */
  private async closeWrite(session: Session): Promise<void> {
    this.written = session.lastBookmarks();
    await session.close();
  }

  /**
   * Maps a failure once (driver-errors.ts); one that means the database is unavailable also tells
   * the breaker, so the next calls fail fast.
   * A write that lost the database once its transaction had begun may have committed: its caller
   * is told the outcome is unknown, not that the database was unavailable. Only reads open the
   * breaker: on a cluster a write fails alone while the leader is elected (SessionExpired, no
   * leader), and the followers keep serving reads; a database truly down fails reads too.
   */
  private failed(error: unknown, mode: 'READ' | 'WRITE' = 'READ'): AppError {
    const lost = isDatabaseUnavailable(error);
    if (this.options.breaker && lost && mode === 'READ') this.options.breaker.trip(error);
    return mode === 'WRITE' && lost ? new WriteOutcomeUnknownError(error) : mapDriverError(error);
  }

  read<T>(query: DecodedQuery<T>, label?: string): Promise<T[]>;
  read(query: CypherQuery, label?: string): Promise<Row[]>;
  async read<T>(query: CypherQuery | DecodedQuery<T>, label = 'read'): Promise<Array<T | Row>> {
    const rows = await this.autoCommitRead(query, label);
    return 'row' in query ? decodeRows(query.row, rows, label) : rows;
  }

  /**
   * One statement in an auto-commit read: one Bolt round trip, where a managed transaction takes
   * two. Transient failures are retried as the driver retries managed ones, until the breaker
   * opens.
   */
  private async autoCommitRead(query: CypherQuery, label: string): Promise<Row[]> {
    const session = this.open('READ');
    const config = this.txConfig(label);
    const breaker = this.options.breaker;
    this.trips += 1;
    try {
      const work = retried(() => runAutoCommit(session, query, config), {
        maxMs: this.options.retryMs ?? 2_000,
        stop: () => breaker?.isOpen ?? false,
      });
      return await untilOpens(breaker, observeTransaction('READ', work));
    } catch (error) {
      throw this.failed(error, 'READ');
    } finally {
      await session.close();
    }
  }

  write<T>(query: DecodedQuery<T>, label?: string): Promise<T[]>;
  write(query: CypherQuery, label?: string): Promise<Row[]>;
  async write<T>(query: CypherQuery | DecodedQuery<T>, label = 'write'): Promise<Array<T | Row>> {
    const [rows = []] = await this.run('WRITE', [query], label);
    return 'row' in query ? decodeRows(query.row, rows, label) : rows;
  }

  /**
   * A write transaction whose statements depend on each other's answers: `work` runs them through
   * `run` and may throw (an AppError) to roll everything back. The driver may retry `work` on a
   * transient fault, so it must be safe to run again (no effects outside the transaction).
   */
  async writeTx<T>(
    work: (run: (query: CypherQuery) => Promise<Row[]>) => Promise<T>,
    label = 'write',
  ): Promise<T> {
    const session = this.open('WRITE');
    const config = this.txConfig(label);
    this.trips += 1;
    try {
      return await session.executeWrite(
        async (tx) => work(async (q) => (await runQuiet(tx, q)).records.map(toRow)),
        config,
      );
    } catch (error) {
      throw this.failed(error, 'WRITE');
    } finally {
      await this.closeWrite(session);
    }
  }

  /**
   * A read routed to the cluster's leader, for what must not lag behind a write made elsewhere:
   * an API key created a moment ago by `npm run keys` (a follower might not have it yet, and the
   * refusal would be cached). On one server it is an ordinary read.
   */
  async readOnLeader<T>(query: DecodedQuery<T>, label = 'read'): Promise<T[]> {
    const [rows = []] = await this.run('LEADER', [query], label);
    return decodeRows(query.row, rows, label);
  }

  /** Several statements in one write transaction: all apply or none does. */
  writeAll(queries: readonly CypherQuery[], label = 'write'): Promise<Row[][]> {
    return this.run('WRITE', queries, label);
  }

  /** LEADER: a read sent where writes go (a write transaction that writes nothing). */
  private async run(
    mode: 'WRITE' | 'LEADER',
    queries: readonly CypherQuery[],
    label: string,
  ): Promise<Row[][]> {
    const session = this.open('WRITE');
    const work = async (tx: ManagedTransaction): Promise<Row[][]> => {
      const out: Row[][] = [];
      for (const q of queries) {
        const result = await runQuiet(tx, q);
        out.push(result.records.map(toRow));
      }
      return out;
    };
    const config = this.txConfig(label);
    this.trips += 1;
    try {
      return await session.executeWrite(work, config);
    } catch (error) {
      throw this.failed(error, mode === 'WRITE' ? 'WRITE' : 'READ');
    } finally {
      await (mode === 'WRITE' ? this.closeWrite(session) : session.close());
    }
  }
}
