import { existsSync } from 'node:fs';
import path from 'node:path';
import { bool, cleanEnv, makeValidator, num, port, str, url } from 'envalid';

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

const positiveInt = makeValidator<number>((input) => {
  const n = Number(input);
  if (!Number.isInteger(n) || n <= 0) throw new Error('must be a positive whole number');
  return n;
});

const heapSize = makeValidator<string>((input) => {
  if (!/^\d+[mMgG]$/.test(input)) throw new Error('must be a JVM size such as 512m or 2g');
  return input.toLowerCase();
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
  NEO4J_URI: neo4jUri({ default: undefined, desc: 'An existing Neo4j; unset = start the local one' }),
  NEO4J_USERNAME: str({ default: 'neo4j' }),
  NEO4J_PASSWORD: str({ default: undefined, desc: 'Required with NEO4J_URI; the local Neo4j defaults to zhili-local-dev' }),
  NEO4J_DATABASE: str({ default: 'neo4j' }),
  NEO4J_QUERY_TIMEOUT_MS: positiveInt({ default: 10_000, desc: 'Server-side transaction timeout' }),
  NEO4J_MAX_RETRY_MS: num({ default: 2_000, desc: 'How long the driver retries transient errors' }),
  NEO4J_CONNECTION_TIMEOUT_MS: positiveInt({ default: 2_000 }),
  NEO4J_ACQUISITION_TIMEOUT_MS: positiveInt({ default: 5_000 }),
  LOCAL_NEO4J_PORT: port({ default: 7687, desc: 'Bolt port of the local Neo4j' }),
  LOCAL_NEO4J_DATA_DIR: str({ default: '.neo4j/dev', desc: 'Data folder of the local Neo4j (git-ignored)' }),
  LOCAL_NEO4J_HEAP: heapSize({ default: '2g', desc: 'JVM heap of the local Neo4j' }),
  LOCAL_NEO4J_PAGECACHE_MB: positiveInt({ default: 1024 }),
  SEED_ON_START: bool({ default: true, desc: 'Load the seed graph when the database is empty' }),
  RESPONSE_CACHE_SECONDS: num({ default: 300, desc: 'How long answers may be cached (Cache-Control and an in-memory response cache); 0 turns both off' }),
  PUBLIC_URL: url({ default: undefined, desc: 'Base URL printed at start-up' }),
  LOG_LEVEL: str({ choices: LOG_LEVELS, default: 'info', desc: 'pino log level; silent turns logging off' }),
} as const;

export interface Config {
  readonly env: 'development' | 'production' | 'test';
  readonly http: { readonly host: string; readonly port: number; readonly publicUrl?: string; readonly cacheSeconds: number };
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
  };
  readonly localNeo4j: {
    readonly port: number;
    readonly dataDir: string;
    readonly heap: string;
    readonly pageCacheMb: number;
  };
  readonly seedOnStart: boolean;
  readonly logLevel: LogLevel;
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
      if (problems.length > 0) throw new ConfigError(problems);
    },
  });
  return {
    env: clean.NODE_ENV,
    http: { host: clean.HOST, port: clean.PORT, publicUrl: clean.PUBLIC_URL, cacheSeconds: clean.RESPONSE_CACHE_SECONDS },
    neo4j: {
      uri: clean.NEO4J_URI,
      username: clean.NEO4J_USERNAME,
      password: clean.NEO4J_PASSWORD ?? LOCAL_DEFAULT_PASSWORD,
      database: clean.NEO4J_DATABASE,
      queryTimeoutMs: clean.NEO4J_QUERY_TIMEOUT_MS,
      maxRetryMs: clean.NEO4J_MAX_RETRY_MS,
      connectionTimeoutMs: clean.NEO4J_CONNECTION_TIMEOUT_MS,
      acquisitionTimeoutMs: clean.NEO4J_ACQUISITION_TIMEOUT_MS,
    },
    localNeo4j: {
      port: clean.LOCAL_NEO4J_PORT,
      dataDir: path.resolve(PROJECT_ROOT, clean.LOCAL_NEO4J_DATA_DIR),
      heap: clean.LOCAL_NEO4J_HEAP,
      pageCacheMb: clean.LOCAL_NEO4J_PAGECACHE_MB,
    },
    seedOnStart: clean.SEED_ON_START,
    logLevel: clean.LOG_LEVEL,
  };
}

/** Loads `.env` from the project root when present; real environment variables win. */
export function loadDotEnv(file = path.join(PROJECT_ROOT, '.env')): void {
  if (existsSync(file)) process.loadEnvFile(file);
}
