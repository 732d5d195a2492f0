import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Executor } from '../core/db/executor';
import { applySchema } from '../core/db/schema-statements';
import { APP_VERSION } from '../core/version';
import { SCHEMA } from '../modules';
import {
  abandonLeaseQuery,
  acquireLeaseQuery,
  finishMigrationQuery,
  graphStateConstraint,
  migrationStateQuery,
  renewLeaseQuery,
} from './migration.statements';
import { renameRegionsIfOlder } from './region-rename';
import { seedIfEmpty } from './seed-if-empty';
import type { SeedSummary } from './seed-load';

export interface MigrateOptions {
  /** Load the seed graph when the database is empty (default true). */
  readonly seed?: boolean;
  /** How long the lease holds without renewal: a holder that died frees it after this. */
  readonly leaseMs?: number;
  /** How long to wait for another process's migration before giving up. */
  readonly waitMs?: number;
}

export interface MigrateOutcome {
  readonly statements: number;
  /** Set when this migration loaded the seed graph. */
  readonly seeded?: SeedSummary;
  /** Migrations and seed loads recorded on the database, this one included. */
  readonly migrations: number;
  readonly seeds: number;
  /** Time spent waiting for another process's migration to finish. */
  readonly waitedMs: number;
}

/** A migration that could not begin: another holds the lease past the wait. */
export class MigrationWaitError extends Error {
  override readonly name = 'MigrationWaitError';
}

const POLL_MS = 500;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The schema, region names and, on an empty database, the seed graph: run by `zhili migrate`
 * once before replicas start, and by an API process at start-up with SEED_ON_START. Processes
 * take turns on a lease in the graph, each step is idempotent, so replicas started together seed
 * once and the others find the work done.
 */
export async function migrate(
  executor: Executor,
  log: (line: string) => void,
  options: MigrateOptions = {},
): Promise<MigrateOutcome> {
  const { seed = true, leaseMs = 60_000, waitMs = 600_000 } = options;
  await executor.write(graphStateConstraint, 'migrate');
  const holder = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const waitedMs = await acquireLease(executor, holder, { leaseMs, waitMs }, log);
  const renewal = setInterval(() => {
    executor.write(renewLeaseQuery(holder, leaseMs), 'migrate-renew').then(
      ([row]) => row?.renewed || log('The migration lease was lost: another process may run one'),
      () => undefined, // the next renewal tries again; the lease is long enough for a few misses
    );
  }, leaseMs / 4);
  renewal.unref();
  try {
    const statements = await applySchema(executor, [...SCHEMA.constraints, ...SCHEMA.indexes]);
    await renameRegionsIfOlder(executor, log);
    const seeded = seed ? await seedIfEmpty(executor, log) : { loaded: false };
    const [done] = await executor.write(
      finishMigrationQuery(holder, APP_VERSION, seeded.loaded),
      'migrate-finish',
    );
    return {
      statements,
      seeded: seeded.summary,
      migrations: done?.migrations ?? 0,
      seeds: done?.seeds ?? 0,
      waitedMs,
    };
  } catch (error) {
    await executor.write(abandonLeaseQuery(holder), 'migrate-abandon').catch(() => undefined);
    throw error;
  } finally {
    clearInterval(renewal);
  }
}

async function acquireLease(
  executor: Executor,
  holder: string,
  { leaseMs, waitMs }: { leaseMs: number; waitMs: number },
  log: (line: string) => void,
): Promise<number> {
  const started = Date.now();
  let told = false;
  for (;;) {
    const [row] = await executor.write(acquireLeaseQuery(holder, leaseMs), 'migrate-lease');
    if (row?.acquired) return Date.now() - started;
    if (!told) log(`Another process (${row?.holder}) is migrating the database: waiting for it…`);
    told = true;
    if (Date.now() - started > waitMs)
      throw new MigrationWaitError(
        `${row?.holder} still holds the migration lease after ${waitMs} ms`,
      );
    await sleep(POLL_MS);
  }
}

/**
 * A replica started with SEED_ON_START=false: waits until `zhili migrate` has finished on this
 * database (and none is running), for at most `waitMs`. Answers how long it waited.
 */
export async function awaitMigration(
  executor: Executor,
  waitMs: number,
  log: (line: string) => void,
): Promise<number> {
  const started = Date.now();
  let told = false;
  for (;;) {
    const [state] = await executor.read(migrationStateQuery(), 'migration-state');
    if (state?.migratedAt != null && !state.running) return Date.now() - started;
    if (!told)
      log(
        state?.running
          ? 'A migration is running: waiting for it to finish…'
          : 'SEED_ON_START=false and no `zhili migrate` has run on this database yet: waiting…',
      );
    told = true;
    if (Date.now() - started >= waitMs)
      throw new MigrationWaitError(
        `no migration finished within MIGRATION_WAIT_MS (${waitMs} ms): run \`zhili migrate\``,
      );
    await sleep(POLL_MS);
  }
}
