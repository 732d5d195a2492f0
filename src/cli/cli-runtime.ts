import { SingleBar } from 'cli-progress';
import { type Command, Option } from 'commander';
import { ConfigError, loadConfig } from '../core/config';
import { createDriver } from '../core/db/driver';
import { Executor } from '../core/db/executor';
import { devInstance } from '../core/db/local-instances';
import { startLocalNeo4j } from '../core/db/local-neo4j';
import { AppError, DatabaseUnavailableError, ErrorCode } from '../core/errors';
import type { NodeKind } from '../export/graph-identity';

/** Exit codes scripts can rely on. */
export const EXIT = { ok: 0, failed: 1, usage: 2, unavailable: 3 } as const;

export const EXIT_HELP = `
Exit codes:
  0  done
  1  failed (a file refused, a region or model that does not exist, a database error)
  2  usage error (unknown command or option, a bad value, invalid settings)
  3  the database is unavailable (cannot connect, or the local Neo4j would not start)`;

/**
 * Where a command writes: `out` is the data a script captures, `err` what the person at the
 * terminal reads.
 */
export interface CliIo {
  readonly out: (chunk: string | Uint8Array) => void;
  /** Resolves once what `out` was given has gone on (a stream's backpressure); absent: at once. */
  readonly drained?: () => Promise<void>;
  readonly err: (line: string) => void;
  readonly env: NodeJS.ProcessEnv;
  /** Progress bars only where someone watches them. */
  readonly interactive: boolean;
}

/** A usage error found by a command itself (its options contradict each other, a value is bad). */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export interface ConnectionOptions {
  readonly uri?: string;
  readonly user?: string;
  readonly password?: string;
}

/** --uri/--user/--password: they override NEO4J_URI, NEO4J_USERNAME and NEO4J_PASSWORD. */
export function withConnectionOptions(command: Command): Command {
  return command
    .addOption(
      new Option(
        '--uri <uri>',
        'Neo4j to use (bolt:// or neo4j://); default NEO4J_URI, else the local Neo4j (started if needed)',
      ),
    )
    .addOption(new Option('--user <name>', 'Neo4j user; default NEO4J_USERNAME or neo4j'))
    .addOption(new Option('--password <password>', 'Neo4j password; default NEO4J_PASSWORD'));
}

/**
 * The registry's kinds of node, loaded only when a command needs them (they bring the whole
 * schema).
 */
export async function registryKinds(): Promise<NodeKind[]> {
  const { ENTITIES } = await import('../modules');
  return ENTITIES.map(({ label, key }) => ({ label, key }));
}

/**
 * Runs `work` with an executor on the configured Neo4j (settings from the environment, options over
 * them).
 */
export async function withExecutor<T>(
  io: CliIo,
  options: ConnectionOptions,
  work: (executor: Executor) => Promise<T>,
): Promise<T> {
  const env = { ...io.env };
  if (options.uri !== undefined) env.NEO4J_URI = options.uri;
  if (options.user !== undefined) env.NEO4J_USERNAME = options.user;
  if (options.password !== undefined) env.NEO4J_PASSWORD = options.password;
  let config;
  try {
    config = loadConfig(env);
  } catch (error) {
    throw error instanceof ConfigError ? new UsageError(error.message) : error;
  }
  let uri = config.neo4j.uri;
  if (uri === undefined) {
    try {
      uri = (await startLocalNeo4j(devInstance(config), io.err)).uri;
    } catch (error) {
      throw new DatabaseUnavailableError(error);
    }
  }
  const driver = createDriver(config.neo4j, uri);
  // A whole-graph export or import is far from any API request's budget.
  const executor = new Executor(driver, {
    database: config.neo4j.database,
    timeoutMs: Math.max(config.neo4j.queryTimeoutMs, 300_000),
    retryMs: config.neo4j.maxRetryMs,
    app: 'zhili-cli',
  });
  try {
    return await work(executor);
  } finally {
    await driver.close();
  }
}

const causeOf = (error: AppError): string => {
  const cause = error.originalError;
  return cause && cause !== error && cause.message ? ` (${cause.message.split('\n')[0]})` : '';
};

/** Tells what went wrong and returns the exit code for it. */
export function failure(io: CliIo, error: unknown): number {
  if (error instanceof UsageError) {
    io.err(`error: ${error.message}`);
    return EXIT.usage;
  }
  if (error instanceof AppError) {
    io.err(
      `error: ${error.message}${error.code === ErrorCode.INTERNAL_SERVER_ERROR || error.code === ErrorCode.DATABASE_UNAVAILABLE ? causeOf(error) : ''}`,
    );
    return error.code === ErrorCode.DATABASE_UNAVAILABLE ? EXIT.unavailable : EXIT.failed;
  }
  io.err(`error: ${error instanceof Error ? error.message : String(error)}`);
  return EXIT.failed;
}

/** A progress bar on stderr (none when nobody watches): `update(done, total)`, then `stop()`. */
export function progressBar(
  io: CliIo,
  what: string,
): { update: (done: number, total: number) => void; stop: () => void } {
  if (!io.interactive) return { update: () => undefined, stop: () => undefined };
  const bar = new SingleBar({
    format: `${what} [{bar}] {percentage}% {value}/{total} {duration}s`,
    hideCursor: true,
    stream: process.stderr,
  });
  let started = false;
  return {
    update: (done, total) => {
      if (!started) bar.start(total, 0);
      started = true;
      bar.setTotal(total);
      bar.update(done);
    },
    stop: () => {
      if (started) bar.stop();
    },
  };
}
