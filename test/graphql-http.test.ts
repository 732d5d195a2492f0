import { startTestServer, type TestServer } from './support/harness';

describe('GraphQL over HTTP on the real Neo4j', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('answers { __typename }', async () => {
    const res = await server.gql('{ __typename }');
    expect(res.status).toBe(200);
    expect(res.data).toEqual({ __typename: 'Query' });
  });

  it('reports the Neo4j it runs on, read through Bolt', async () => {
    const res = await server.gql<{ about: { name: string; database: { edition: string; version: string } } }>(
      '{ about { name database { edition version } } }',
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.about.name).toBe('zhili');
    expect(res.data?.about.database.edition).toBe('community');
    expect(res.data?.about.database.version).toMatch(/^5\.26\./);
  });

  it('rejects an invalid query with a stable code', async () => {
    const res = await server.gql('{ nope }');
    expect(res.status).toBe(400);
    expect(res.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('refuses an oversized body', async () => {
    const huge = 'x'.repeat(200_000);
    const res = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: `{ __typename } # ${huge}` }) });
    expect(res.status).toBe(413);
  });

  it('serves liveness', async () => {
    const res = await fetch(server.url.replace('/graphql', '/health/live'));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });
});
