import type { Driver } from 'neo4j-driver';
import { type Config, loadConfig } from '../../src/core/config';
import { createDriver } from '../../src/core/db/driver';
import { Executor } from '../../src/core/db/executor';
import { testInstance } from '../../src/core/db/local-instances';
import type { LocalInstance } from '../../src/core/db/local-neo4j';
import { type App, createApp } from '../../src/server/app';

/** Configuration pointing at a test instance, as the service would read it from the env. */
export function testConfig(
  instance: LocalInstance = testInstance(),
  overrides: NodeJS.ProcessEnv = {},
): Config {
  return loadConfig({
    NODE_ENV: 'test',
    NEO4J_URI: `bolt://127.0.0.1:${instance.port}`,
    NEO4J_PASSWORD: instance.password,
    // Tests see the database's answer, not a cached one, unless a test asks for the cache.
    RESPONSE_CACHE_SECONDS: '0',
    // Request logs would drown the test report; the logging test captures its own.
    LOG_LEVEL: 'silent',
    ...overrides,
  });
}

export interface TestDatabase {
  readonly config: Config;
  readonly driver: Driver;
  readonly executor: Executor;
  close(): Promise<void>;
}

export function openTestDatabase(
  instance: LocalInstance = testInstance(),
  overrides: NodeJS.ProcessEnv = {},
): TestDatabase {
  const config = testConfig(instance, overrides);
  const driver = createDriver(config.neo4j, config.neo4j.uri!);
  const executor = new Executor(driver, {
    database: config.neo4j.database,
    timeoutMs: config.neo4j.queryTimeoutMs,
    app: 'zhili-test',
  });
  return { config, driver, executor, close: () => driver.close() };
}

export interface TestServer extends TestDatabase {
  readonly app: App;
  readonly url: string;
  /** POSTs a GraphQL operation over real HTTP. */
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GqlResponse<T>>;
}

export interface GqlResponse<T> {
  status: number;
  data?: T;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

/** The real app on an ephemeral port, over a real Neo4j. */
export async function startTestServer(
  instance: LocalInstance = testInstance(),
  overrides: NodeJS.ProcessEnv = {},
  /** 0: any free port. */
  port = 0,
): Promise<TestServer> {
  const db = openTestDatabase(instance, overrides);
  const app = await createApp(db.config, db.executor);
  const url = await app.listen(port, '127.0.0.1');
  return {
    ...db,
    app,
    url,
    gql: async (query, variables) => {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as Omit<GqlResponse<never>, 'status'>;
      return { status: res.status, ...body } as GqlResponse<never>;
    },
    close: async () => {
      await app.stop();
      await db.close();
    },
  };
}

/**
 * A test server for the enclosing describe block (started before, closed after), and `ok`, which
 * runs an operation and expects data with no errors and no raw Neo4j integers in it.
 */
export function serverForSuite(): {
  server: () => TestServer;
  ok: <T>(query: string, variables?: Record<string, unknown>) => Promise<T>;
} {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());
  const ok = async <T>(query: string, variables?: Record<string, unknown>): Promise<T> => {
    const res = await server.gql<T>(query, variables);
    expect(res.errors).toBeUndefined();
    expect(JSON.stringify(res.data)).not.toMatch(/"low":|"high":/);
    return res.data as T;
  };
  return { server: () => server, ok };
}
