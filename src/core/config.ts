import { existsSync } from 'node:fs';
import path from 'node:path';
import { cleanEnv } from 'envalid';
import { type AuthConfig, authConfig, authProblems } from './config-auth';
import type { Origins } from './config-http';
import {
  crossProblems,
  type LogLevel,
  metricsProblems,
  settings,
  timeoutProblems,
} from './config-settings';

/** The repository root (the nearest folder with package.json), from src/ or from dist/. */
export const PROJECT_ROOT = findRoot(__dirname);

function findRoot(start: string): string {
  let dir = start;
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
  return dir;
}

/** Documented local default: the local Neo4j listens on 127.0.0.1 only. */
export const LOCAL_DEFAULT_PASSWORD = 'zhili-local-dev';

export interface Config {
  readonly env: 'development' | 'production' | 'test';
  readonly http: {
    readonly host: string;
    readonly port: number;
    readonly publicUrl?: string;
    readonly cacheSeconds: number;
    /** The largest report file POST /review/reports takes. */
    readonly uploadMaxBytes: number;
    /** Browser origins that may read, and that may write (mutations, Authorization). */
    readonly cors: { readonly read: Origins; readonly write: Origins };
    readonly timeouts: {
      readonly headersMs: number;
      readonly requestMs: number;
      readonly keepAliveMs: number;
    };
  };
  /** Stack traces in error answers: only when asked for (DEBUG_ERRORS). */
  readonly debugErrors: boolean;
  /**
   * Prometheus metrics: a listener of their own on `port` (0: none), and GET /metrics on the public
   * port for a bearer of `token` (unset: none).
   */
  readonly metrics: { readonly port: number; readonly host: string; readonly token?: string };
  readonly neo4j: {
    /** Undefined when the local Neo4j is to be used. */
    readonly uri?: string;
    readonly username: string;
    readonly password: string;
    readonly database: string;
    readonly queryTimeoutMs: number;
    readonly maxRetryMs: number;
    readonly connectionTimeoutMs: number;
    readonly acquisitionTimeoutMs: number;
    readonly maxPoolSize: number;
    /**
     * The circuit breaker's probe interval (and the Retry-After of DATABASE_UNAVAILABLE, rounded up
     * to seconds).
     */
    readonly probeIntervalMs: number;
  };
  /** Admission control of /graphql: how many execute, how many may wait and for how long. */
  readonly admission: {
    readonly maxConcurrent: number;
    readonly maxQueued: number;
    readonly queueTimeoutMs: number;
    readonly latencyTargetMs: number;
  };
  readonly localNeo4j: {
    readonly port: number;
    readonly dataDir: string;
    readonly heap: string;
    readonly pageCacheMb: number;
  };
  readonly seedOnStart: boolean;
  /** With seedOnStart false: how long start-up waits for `zhili migrate`. */
  readonly migrationWaitMs: number;
  /** On SIGTERM: how long readiness says 503 while requests are still served. */
  readonly shutdownDrainMs: number;
  /** How long this process trusts the graph's revision it last read. */
  readonly revisionPollMs: number;
  /** The Redis every API process shares; undefined: each process keeps its own state. */
  readonly redisUrl?: string;
  readonly logLevel: LogLevel;
  /** API keys, JWTs, client addresses and write limits (config-auth.ts). */
  readonly auth: AuthConfig;
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Reads and validates the configuration once. Every bad value is reported, each naming its
 * variable, in one ConfigError.
 */
/** Every problem of the environment at once: each setting's, then those across settings. */
function reportProblems(env: NodeJS.ProcessEnv, errors: Partial<Record<string, Error>>): void {
  const problems = Object.entries(errors).map(([name, error]) =>
    error && error.name === 'EnvMissingError'
      ? `${name} is required`
      : `${name}=${JSON.stringify(env[name])} is invalid: ${error?.message ?? 'bad value'}`,
  );
  if (env.NEO4J_URI && !env.NEO4J_PASSWORD) {
    problems.push('NEO4J_PASSWORD is required when NEO4J_URI points at an existing Neo4j');
  }
  problems.push(...authProblems(env));
  problems.push(...crossProblems(env), ...timeoutProblems(env));
  problems.push(...metricsProblems(env));
  if (problems.length > 0) throw new ConfigError(problems);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const clean = cleanEnv(env, settings, {
    reporter: ({ errors }) => reportProblems(env, errors),
  });
  return {
    env: clean.NODE_ENV,
    http: {
      host: clean.HOST,
      port: clean.PORT,
      publicUrl: clean.PUBLIC_URL,
      cacheSeconds: clean.RESPONSE_CACHE_SECONDS,
      uploadMaxBytes: clean.UPLOAD_MAX_BYTES,
      cors: { read: clean.CORS_ORIGINS, write: clean.CORS_WRITE_ORIGINS },
      timeouts: {
        headersMs: clean.HTTP_HEADERS_TIMEOUT_MS,
        requestMs: clean.HTTP_REQUEST_TIMEOUT_MS,
        keepAliveMs: clean.HTTP_KEEP_ALIVE_TIMEOUT_MS,
      },
    },
    debugErrors: clean.DEBUG_ERRORS,
    metrics: {
      port: clean.METRICS_PORT,
      host: clean.METRICS_HOST ?? clean.HOST,
      token: clean.METRICS_TOKEN,
    },
    neo4j: {
      uri: clean.NEO4J_URI,
      username: clean.NEO4J_USERNAME,
      password: clean.NEO4J_PASSWORD ?? LOCAL_DEFAULT_PASSWORD,
      database: clean.NEO4J_DATABASE,
      queryTimeoutMs: clean.NEO4J_QUERY_TIMEOUT_MS,
      maxRetryMs: clean.NEO4J_MAX_RETRY_MS,
      connectionTimeoutMs: clean.NEO4J_CONNECTION_TIMEOUT_MS,
      acquisitionTimeoutMs: clean.NEO4J_ACQUISITION_TIMEOUT_MS,
      maxPoolSize: clean.NEO4J_MAX_POOL_SIZE,
      probeIntervalMs: clean.NEO4J_PROBE_INTERVAL_MS,
    },
    admission: {
      maxConcurrent: clean.MAX_CONCURRENT_REQUESTS,
      maxQueued: clean.MAX_QUEUED_REQUESTS,
      queueTimeoutMs: clean.QUEUE_TIMEOUT_MS,
      latencyTargetMs: clean.ADMISSION_LATENCY_TARGET_MS,
    },
    localNeo4j: {
      port: clean.LOCAL_NEO4J_PORT,
      dataDir: path.resolve(PROJECT_ROOT, clean.LOCAL_NEO4J_DATA_DIR),
      heap: clean.LOCAL_NEO4J_HEAP,
      pageCacheMb: clean.LOCAL_NEO4J_PAGECACHE_MB,
    },
    seedOnStart: clean.SEED_ON_START,
    migrationWaitMs: clean.MIGRATION_WAIT_MS,
    shutdownDrainMs: clean.SHUTDOWN_DRAIN_MS,
    revisionPollMs: clean.REVISION_POLL_MS,
    redisUrl: clean.REDIS_URL,
    logLevel: clean.LOG_LEVEL,
    auth: authConfig(clean),
  };
}

/** Loads `.env` from the project root when present; real environment variables win. */
export function loadDotEnv(file = path.join(PROJECT_ROOT, '.env')): void {
  if (existsSync(file)) process.loadEnvFile(file);
}
