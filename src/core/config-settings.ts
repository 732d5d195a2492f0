import os from 'node:os';
import { bool, makeValidator, port, str, url } from 'envalid';
import { authSpec } from './config-auth';
import { originList } from './config-http';
import { heapMb, heapSize, nonNegativeInt, positiveInt } from './config-validators';

/**
 * The environment variables the API reads, each with its validator, default and meaning, and the
 * problems only a combination of them shows. config.ts turns the validated values into a Config.
 */
const neo4jUri = makeValidator<string>((input) => {
  if (!/^(bolt|neo4j)(\+s|\+ssc)?:\/\/[^\s]+$/.test(input)) {
    throw new Error('must be a bolt://, bolt+s://, neo4j:// or neo4j+s:// URI');
  }
  return input;
});

const redisUrl = makeValidator<string>((input) => {
  if (!/^rediss?:\/\/[^\s]+$/.test(input)) throw new Error('must be a redis:// or rediss:// URL');
  return input;
});

/** A port, or 0 for a listener that is off. */
const portOrOff = makeValidator<number>((input) => {
  const n = Number(input);
  if (!/^\s*\d+\s*$/.test(input) || n > 65_535) throw new Error('must be a port, or 0 for off');
  return n;
});

/** A bearer token sent in a header: visible ASCII, long enough not to be guessed. */
const metricsToken = makeValidator<string>((input) => {
  if (!/^[\x21-\x7e]{16,}$/.test(input))
    throw new Error('must be at least 16 characters, with no spaces (e.g. openssl rand -hex 32)');
  return input;
});

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Every setting, its default and its meaning: README's configuration table mirrors this. */
export const settings = {
  NODE_ENV: str({ choices: ['development', 'production', 'test'], default: 'development' }),
  HOST: str({ default: '127.0.0.1', desc: 'Interface the HTTP server binds to' }),
  PORT: port({ default: 4000, desc: 'HTTP port for /graphql and /health' }),
  METRICS_PORT: portOrOff({
    default: 0,
    desc: 'A second HTTP listener that serves only GET /metrics (Prometheus); 0 = off',
  }),
  METRICS_HOST: str({
    default: undefined,
    desc: 'Interface the metrics listener binds to (default: HOST)',
  }),
  METRICS_TOKEN: metricsToken({
    default: undefined,
    desc: 'When set, GET /metrics on PORT answers to `Authorization: Bearer <token>`; unset: 404',
  }),
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
    desc:
      'Fewer requests run at once while the 90th percentile of their service time is over this; ' +
      '0: always MAX_CONCURRENT_REQUESTS',
  }),
  LOCAL_NEO4J_PORT: port({ default: 7687, desc: 'Bolt port of the local Neo4j' }),
  LOCAL_NEO4J_DATA_DIR: str({
    default: '.neo4j/dev',
    desc: 'Data folder of the local Neo4j (git-ignored)',
  }),
  LOCAL_NEO4J_HEAP: heapSize({ default: '2g', desc: 'JVM heap of the local Neo4j' }),
  LOCAL_NEO4J_PAGECACHE_MB: positiveInt({ default: 1024 }),
  SEED_ON_START: bool({
    default: true,
    desc:
      'Apply the schema and load the seed graph when the database is empty; false: wait for ' +
      '`zhili migrate` instead (replicas)',
  }),
  MIGRATION_WAIT_MS: nonNegativeInt({
    default: 120_000,
    desc: 'With SEED_ON_START=false, how long to wait for `zhili migrate` before giving up',
  }),
  SHUTDOWN_DRAIN_MS: nonNegativeInt({
    default: 0,
    desc:
      'On SIGTERM, readiness answers 503 and requests are still served this long (for a load ' +
      'balancer to notice), then in-flight requests drain',
  }),
  REVISION_POLL_MS: positiveInt({
    default: 1_000,
    desc:
      "How often a process reads the graph's revision: a change made through another process " +
      'shows within this (at once with REDIS_URL)',
  }),
  REDIS_URL: redisUrl({
    default: undefined,
    desc:
      'A Redis shared by every API process: response cache, persisted queries, write limits, ' +
      'revision broadcast; unset = kept in this process',
  }),
  RESPONSE_CACHE_SECONDS: nonNegativeInt({
    default: 300,
    desc:
      'How long answers may be cached (Cache-Control and an in-memory response cache); 0 turns ' +
      'both off',
  }),
  UPLOAD_MAX_BYTES: positiveInt({
    default: 10 * 1024 * 1024,
    desc: 'The largest report file the review desk takes (POST /review/reports), in bytes',
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
    desc:
      'Browser origins that may send mutations (and Authorization): ' +
      'a comma list; none by default',
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

/**
 * Problems no single value shows, from the raw values (or their defaults), so they are reported
 * together with the others: the API's port taken by the local Neo4j, a local Neo4j that cannot fit.
 */
export function crossProblems(env: NodeJS.ProcessEnv): string[] {
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
export function timeoutProblems(env: NodeJS.ProcessEnv): string[] {
  const headers = Number(env.HTTP_HEADERS_TIMEOUT_MS ?? 10_000);
  const request = Number(env.HTTP_REQUEST_TIMEOUT_MS ?? 30_000);
  return headers > request
    ? [`HTTP_HEADERS_TIMEOUT_MS (${headers}) must not exceed HTTP_REQUEST_TIMEOUT_MS (${request})`]
    : [];
}

/** The metrics listener needs a port of its own. */
export function metricsProblems(env: NodeJS.ProcessEnv): string[] {
  const metrics = Number(env.METRICS_PORT ?? 0);
  if (!Number.isSafeInteger(metrics) || metrics === 0) return [];
  const taken = [
    ['PORT', Number(env.PORT ?? 4000)],
    ...(env.NEO4J_URI ? [] : [['LOCAL_NEO4J_PORT', Number(env.LOCAL_NEO4J_PORT ?? 7687)]]),
  ] as const;
  return taken
    .filter(([, port]) => port === metrics)
    .map(([name]) => `METRICS_PORT and ${name} are both ${metrics}: each needs a port of its own`);
}
