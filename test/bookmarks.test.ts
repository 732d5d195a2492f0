import { createApiKey, deleteApiKeys } from '../src/auth/apikey.service';
import { startTestServer, type TestServer } from './support/harness';

/**
 * Read-your-writes on the real Neo4j: a write's answer carries its bookmarks (header and
 * extensions), a read that brings them back is answered after that write, and a header this API
 * could not have given is the client's 400.
 */
describe('bookmarks', () => {
  let server: TestServer;
  let keyId = '';
  let token = '';

  beforeAll(async () => {
    server = await startTestServer();
    const key = await createApiKey(server.executor, { name: 'bookmarks-test', role: 'EDITOR' });
    [keyId, token] = [key.key.id, key.token];
  });
  afterAll(async () => {
    await server.executor.write({
      cypher: "MATCH (s:ChangeSet) WHERE s.title = 'bookmarks-test' DETACH DELETE s",
    });
    await deleteApiKeys(server.executor, [keyId]);
    await server.close();
  });

  const post = (query: string, headers: Record<string, string> = {}) =>
    fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query }),
    });

  it('answers a write with its bookmark and reads after it when the bookmark comes back', async () => {
    const wrote = await post('mutation { createChangeSet(title: "bookmarks-test") { id } }', {
      authorization: `Bearer ${token}`,
    });
    const header = wrote.headers.get('zhili-bookmark');
    const body = (await wrote.json()) as { extensions?: { bookmark?: string } };
    expect(header).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(body.extensions?.bookmark).toBe(header);

    const read = await post('{ about { name } }', { 'zhili-bookmark': header! });
    expect(read.status).toBe(200);
    expect(((await read.json()) as { data: { about: { name: string } } }).data.about.name).toBe(
      'zhili',
    );
    // A read that wrote nothing gives no bookmark.
    expect(read.headers.get('zhili-bookmark')).toBeNull();
  });

  it('refuses a bookmark this API could not have given with 400 BAD_REQUEST', async () => {
    const res = await post('{ about { name } }', { 'zhili-bookmark': 'not-a-bookmark' });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { errors: Array<{ extensions: { code: string } }> };
    expect(body.errors[0]!.extensions.code).toBe('BAD_REQUEST');
  });
});
