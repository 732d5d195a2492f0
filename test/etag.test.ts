import { bumpRevisionQuery, REVISION_TTL_MS } from '../src/core/db/revision';
import { startTestServer, type TestServer } from './support/harness';

/**
 * ETags from the graph's revision on the real Neo4j: a public GET read carries one; sent back in
 * If-None-Match it is answered 304 without a body until the graph changes, and within
 * REVISION_TTL_MS of a change made by another process the read runs again with a new ETag.
 */
describe('ETags of public reads', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  const get = (headers: Record<string, string> = {}) =>
    fetch(`${server.url}?query=${encodeURIComponent('{ about { name } }')}`, { headers });

  it('revalidates with 304 until the graph changes, then answers anew', async () => {
    const first = await get();
    const etag = first.headers.get('etag');
    expect(first.status).toBe(200);
    expect(etag).toMatch(/^W\/"r\d+-[A-Za-z0-9_-]+"$/);

    const again = await get({ 'if-none-match': etag! });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');

    // A signed request is the caller's own: no ETag, no 304.
    const signed = await get({ 'if-none-match': etag!, authorization: 'Bearer zk_x.y' });
    expect(signed.status).not.toBe(304);

    // Another process publishes: this one learns the revision within REVISION_TTL_MS.
    await server.executor.write(bumpRevisionQuery());
    await new Promise((resolve) => setTimeout(resolve, REVISION_TTL_MS + 100));
    const changed = await get({ 'if-none-match': etag! });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
  });
});
