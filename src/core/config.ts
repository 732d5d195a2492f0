import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bool, cleanEnv, makeValidator, port, str, url } from 'envalid';
import { type AuthConfig, authConfig, authProblems, authSpec } from './config-auth';
import { originList, type Origins } from './config-http';
import { heapMb, heapSize, nonNegativeInt, positiveInt } from './config-validators';

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

const neo4jUri = makeValidator<string>((input) => {
  if (!/^(bolt|neo4j)(\+s|\+ssc)?:\/\/[^\s]+$/.test(input)) {
    throw new Error('must be a bolt://, bolt+s://, neo4j:// or neo4j+s:// URI');
  }
  return input;
});

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Documented local default: the local Neo4j listens on 127.0.0.1 only. */
export const LOCAL_DEFAULT_PASSWORD = 'zhili-local-dev';

/** Every setting, its default and its meaning: README's configuration table mirrors this. */
const spec = {
  NODE_ENV: str({ choices: ['development', 'production', 'test'], default: 'development' }),
  HOST: str({ default: '127.0.0.1', desc: 'Interface the HTTP server binds to' }),
  PORT: port({ default: 4000, desc: 'HTTP port for /graphql and /health' }),
  NEO4J_URI: neo4jUri({
    default: undefined,
    desc: 'An existing Neo4j; unset = start the local one',
  }),
  NEO4J_USERNAME: str({ default: 'neo4j' }),
  NEO4J_PASSWORD: str({
    default: undefined,
    desc: 'Required with NEO4J_URI; the local Neo4j defaults to zhili-local-dev',
  }),
  NEO4J_DATABASE: str({ default: 'neo4j' }),
  NEO4J_QUERY_TIMEOUT_MS: positiveInt({ default: 10_000, desc: 'Server-side transaction timeout' }),
  NEO4J_MAX_RETRY_MS: nonNegativeInt({
    default: 2_000,
    desc: 'How long the driver retries transient errors',
  }),
  NEO4J_CONNECTION_TIMEOUT_MS: positiveInt({ default: 2_000 }),
  NEO4J_ACQUISITION_TIMEOUT_MS: positiveInt({ default: 5_000 }),
  NEO4J_MAX_POOL_SIZE: positiveInt({
    default: 50,
    desc: 'Connections the driver may open to Neo4j',
  }),
  NEO4J_PROBE_INTERVAL_MS: positiveInt({
    default: 1_000,
    desc: 'How often the circuit breaker checks that Neo4j answers',
  }),
  MAX_CONCURRENT_REQUESTS: positiveInt({ default: 16, desc: 'GraphQL requests executed at once' }),
  MAX_QUEUED_REQUESTS: nonNegativeInt({
    default: 16,
    desc: 'Requests that may wait for a slot; the excess gets 503 OVERLOADED',
  }),
  QUEUE_TIMEOUT_MS: nonNegativeInt({
    default: 50,
    desc: 'Longest wait in that queue before 503 OVERLOADED',
  }),
  ADMISSION_LATENCY_TARGET_MS: nonNegativeInt({
    default: 250,
    desc: 'Fewer requests run at once while the 90th percentile of their service time is over this; 0: always MAX_CONCURRENT_REQUESTS',
  }),
  LOCAL_NEO4J_PORT: port({ default: 7687, desc: 'Bolt port of the local Neo4j' }),
  LOCAL_NEO4J_DATA_DIR: str({
    default: '.neo4j/dev',
    desc: 'Data folder of the local Neo4j (git-ignored)',
  }),
  LOCAL_NEO4J_HEAP: heapSize({ default: '2g', desc: 'JVM heap of the local Neo4j' }),
  LOCAL_NEO4J_PAGECACHE_MB: positiveInt({ default: 1024 }),
  SEED_ON_START: bool({ default: true, desc: 'Load the seed graph when the database is empty' }),
  RESPONSE_CACHE_SECONDS: nonNegativeInt({
    default: 300,
    desc: 'How long answers may be cached (Cache-Control and an in-memory response cache); 0 turns both off',
  }),
  PUBLIC_URL: url({ default: undefined, desc: 'Base URL printed at start-up' }),
  LOG_LEVEL: str({
    choices: LOG_LEVELS,
    default: 'info',
    desc: 'pino log level; silent turns logging off',
  }),
  DEBUG_ERRORS: bool({
    default: false,
    desc: 'Put stack traces in error answers (never on by default, in any environment)',
  }),
  CORS_ORIGINS: originList({
    default: '*',
    desc: 'Browser origins that may read (GET and POST queries): * or a comma list',
  }),
  CORS_WRITE_ORIGINS: originList({
    default: [],
    desc: 'Browser origins that may send mutations (and Authorization): a comma list; none by default',
  }),
  HTTP_HEADERS_TIMEOUT_MS: positiveInt({
    default: 10_000,
    desc: 'Time a client has to send the request headers',
  }),
  HTTP_REQUEST_TIMEOUT_MS: positiveInt({
    default: 30_000,
    desc: 'Time a client has to send the whole request, body included (slow bodies)',
  }),
  HTTP_KEEP_ALIVE_TIMEOUT_MS: positiveInt({
    default: 5_000,
    desc: 'How long an idle keep-alive connection stays open',
  }),
  ...authSpec,
} as const;

export interface Config {
  readonly env: 'development' | 'production' | 'test';
  readonly http: {
    readonly host: string;
    readonly port: number;
    readonly publicUrl?: string;
    readonly cacheSeconds: number;
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
    /** The circuit breaker's probe interval (and the Retry-After of DATABASE_UNAVAILABLE, rounded up to seconds). */
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
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const clean = cleanEnv(env, spec, {
    reporter: ({ errors }) => {
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
      if (problems.length > 0) throw new ConfigError(problems);
    },
  });
  return {
    env: clean.NODE_ENV,
    http: {
      host: clean.HOST,
      port: clean.PORT,
      publicUrl: clean.PUBLIC_URL,
      cacheSeconds: clean.RESPONSE_CACHE_SECONDS,
      cors: { read: clean.CORS_ORIGINS, write: clean.CORS_WRITE_ORIGINS },
      timeouts: {
        headersMs: clean.HTTP_HEADERS_TIMEOUT_MS,
        requestMs: clean.HTTP_REQUEST_TIMEOUT_MS,
        keepAliveMs: clean.HTTP_KEEP_ALIVE_TIMEOUT_MS,
      },
    },
    debugErrors: clean.DEBUG_ERRORS,
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
    logLevel: clean.LOG_LEVEL,
    auth: authConfig(clean),
  };
}

/**
 * Problems no single value shows, from the raw values (or their defaults), so they are reported
 * together with the others: the API's port taken by the local Neo4j, a local Neo4j that cannot fit.
 */
function crossProblems(env: NodeJS.ProcessEnv): string[] {
  const problems: string[] = [];
  const local = !env.NEO4J_URI;
  const httpPort = Number(env.PORT ?? 4000);
  if (local && httpPort === Number(env.LOCAL_NEO4J_PORT ?? 7687))
    problems.push(
      `PORT and LOCAL_NEO4J_PORT are both ${httpPort}: the API and the local Neo4j need a port each`,
    );
  const heap = heapMb(env.LOCAL_NEO4J_HEAP ?? '2g');
  const pageCache = Number(env.LOCAL_NEO4J_PAGECACHE_MB ?? 1024);
  const totalMb = Math.floor(os.totalmem() / 2 ** 20);
  if (local && heap !== undefined && Number.isFinite(pageCache) && heap + pageCache > totalMb) {
    problems.push(
      `LOCAL_NEO4J_HEAP + LOCAL_NEO4J_PAGECACHE_MB = ${heap + pageCache} MiB, more than this machine's ${totalMb} MiB`,
    );
  }
  return problems;
}

/** Node refuses a headers timeout longer than the request timeout: say so by name, before start. */
function timeoutProblems(env: NodeJS.ProcessEnv): string[] {
  const headers = Number(env.HTTP_HEADERS_TIMEOUT_MS ?? 10_000);
  const request = Number(env.HTTP_REQUEST_TIMEOUT_MS ?? 30_000);
  return headers > request
    ? [`HTTP_HEADERS_TIMEOUT_MS (${headers}) must not exceed HTTP_REQUEST_TIMEOUT_MS (${request})`]
    : [];
}

/** Loads `.env` from the project root when present; real environment variables win. */
export function loadDotEnv(file = path.join(PROJECT_ROOT, '.env')): void {
  if (existsSync(file)) process.loadEnvFile(file);
}
