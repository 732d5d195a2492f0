import { testInstance } from '../src/core/db/local-instances';
import { localStatus, startLocalNeo4j, stopLocalNeo4j } from '../src/core/db/local-neo4j';
import { startTestServer, type TestServer } from './support/harness';

/**
 * Readiness follows Neo4j: 200 while up, 503 while stopped, 200 again once it is back, with
 * no API restart. It stops its database, so it runs on an instance of its own.
 */
describe('/health/ready follows Neo4j', () => {
  const instance = testInstance('test-ready', Number(process.env.TEST_READY_NEO4J_PORT ?? 7689));
  let server: TestServer;
  let readyUrl: string;

  beforeAll(async () => {
    await startLocalNeo4j({ ...instance, heap: '512m' });
    server = await startTestServer(instance);
    readyUrl = server.url.replace('/graphql', '/health/ready');
  }, 180_000);

  afterAll(async () => {
    await server?.close();
    await stopLocalNeo4j(instance);
  }, 90_000);

  it('is 200 up, 503 down, 200 again after a restart', async () => {
    expect((await fetch(readyUrl)).status).toBe(200);

    await stopLocalNeo4j(instance);
    const down = await fetch(readyUrl);
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({ status: 'unavailable' });
    const gql = await server.gql('{ about { name } }');
    expect(gql.errors?.[0]?.extensions?.code).toBe('DATABASE_UNAVAILABLE');

    await startLocalNeo4j({ ...instance, heap: '512m' });
    let status = 0;
    for (let i = 0; i < 40 && status !== 200; i += 1) {
      status = (await fetch(readyUrl)).status;
      if (status !== 200) await new Promise((r) => setTimeout(r, 500));
    }
    expect(status).toBe(200);
    const again = await server.gql<{ about: { name: string } }>('{ about { name } }');
    expect(again.data?.about.name).toBe('zhili');
  }, 180_000);

  it('starts anew when asked to start while a stop is still under way', async () => {
    const before = await localStatus(instance);
    const stopping = stopLocalNeo4j(instance);
    await new Promise((r) => setTimeout(r, 200));
    const started = await startLocalNeo4j({ ...instance, heap: '512m' });
    await stopping;
    expect(started.startedNow).toBe(true);
    const after = await localStatus(instance);
    expect(after.running).toBe(true);
    expect(after.pid).not.toBe(before.pid);
  }, 180_000);
});
