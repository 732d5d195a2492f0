import { createHash } from 'node:crypto';
import net from 'node:net';
import { getNamedType, type GraphQLSchema, isLeafType } from 'graphql';
import { getSchema } from '../src/server/schema';
import { startTestServer, type TestServer } from './support/harness';
import { rootOperation } from './support/schema-operations';

/**
 * What a portal relies on: CORS, persisted queries over GET with Cache-Control, the response cache,
 * and socket limits.
 */

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const apqGet = (url: string, hash: string, extra: Record<string, string> = {}) =>
  fetch(
    `${url}?${new URLSearchParams({ extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } }), ...extra })}`,
  );
const postJson = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
type Body = {
  data?: Record<string, unknown>;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
};

/**
 * Some mutation of the schema, every argument a variable (the origin check comes before execution).
 */
function someMutation(schema: GraphQLSchema): string {
  const fields = Object.values(schema.getMutationType()?.getFields() ?? {});
  if (fields.length === 0) throw new Error('the schema has no mutation to try');
  const field = fields.find((f) => isLeafType(getNamedType(f.type))) ?? fields[0]!;
  return rootOperation(schema, 'mutation', field, 0).text;
}

describe('CORS for portals', () => {
  let open: TestServer;
  let strict: TestServer;
  beforeAll(async () => {
    open = await startTestServer();
    strict = await startTestServer(undefined, {
      CORS_ORIGINS: 'https://portal.example.org',
      CORS_WRITE_ORIGINS: 'https://editor.example.org',
    });
  });
  afterAll(async () => {
    await open.close();
    await strict.close();
  });
  const preflight = (url: string, origin: string, headers = 'content-type') =>
    fetch(url, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': headers,
      },
    });

  it('lets any page read by default, without credentials, and lets none send a token', async () => {
    const res = await preflight(
      open.url,
      'https://anywhere.example.net',
      'content-type,authorization',
    );
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-headers')).not.toMatch(/authorization/);
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
    const read = await postJson(
      open.url,
      { query: '{ __typename }' },
      { origin: 'https://anywhere.example.net' },
    );
    expect(read.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('with allow-lists, answers listed pages only, and lets writing pages send a token', async () => {
    expect(
      (await preflight(strict.url, 'https://portal.example.org')).headers.get(
        'access-control-allow-origin',
      ),
    ).toBe('https://portal.example.org');
    expect(
      (await preflight(strict.url, 'https://elsewhere.example.net')).headers.get(
        'access-control-allow-origin',
      ),
    ).toBeNull();
    const writer = await preflight(
      strict.url,
      'https://editor.example.org',
      'content-type,authorization',
    );
    expect(writer.headers.get('access-control-allow-origin')).toBe('https://editor.example.org');
    expect(writer.headers.get('access-control-allow-headers')).toMatch(/authorization/);
    expect(writer.headers.get('vary')).toMatch(/origin/i);
  });

  it('refuses a mutation from a page that may not write (FORBIDDEN), before it runs', async () => {
    const mutation = someMutation(await getSchema());
    const code = async (server: TestServer, origin?: string) => {
      const res = await postJson(server.url, { query: mutation }, origin ? { origin } : {});
      return {
        status: res.status,
        code: ((await res.json()) as Body).errors?.[0]?.extensions?.code,
      };
    };
    expect(await code(open, 'https://anywhere.example.net')).toEqual({
      status: 403,
      code: 'FORBIDDEN',
    });
    expect(await code(strict, 'https://portal.example.org')).toEqual({
      status: 403,
      code: 'FORBIDDEN',
    });
    // A writing page, or no page at all (a script), gets as far as authentication.
    expect((await code(strict, 'https://editor.example.org')).code).not.toBe('FORBIDDEN');
    expect((await code(open)).code).not.toBe('FORBIDDEN');
  });
});

describe('persisted queries over GET, cacheable', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(undefined, { RESPONSE_CACHE_SECONDS: '300' });
  });
  afterAll(() => server.close());

  it('registers a hashed query, then answers it by hash over GET with Cache-Control for CDNs', async () => {
    const query = `query Portal($c: String!) { region(code: $c) { name nameEn } } # ${Date.now()}`;
    const hash = sha256(query);
    const variables = JSON.stringify({ c: '530103' });
    const miss = await apqGet(server.url, hash, { variables });
    expect(((await miss.json()) as Body).errors?.[0]?.extensions?.code).toBe(
      'PERSISTED_QUERY_NOT_FOUND',
    );
    const register = await apqGet(server.url, hash, { query, variables });
    expect(((await register.json()) as Body).data).toEqual({
      region: { name: '盘龙区', nameEn: expect.any(String) },
    });
    const hit = await apqGet(server.url, hash, { variables });
    expect(hit.status).toBe(200);
    expect(hit.headers.get('cache-control')).toBe('max-age=300, public');
    expect(((await hit.json()) as Body).data).toEqual({
      region: { name: '盘龙区', nameEn: expect.any(String) },
    });
  });

  it('refuses a mutation over GET, by text or by hash (405, Allow: POST)', async () => {
    const mutation = someMutation(await getSchema());
    const byText = await fetch(`${server.url}?${new URLSearchParams({ query: mutation })}`);
    expect(byText.status).toBe(405);
    expect(byText.headers.get('allow')).toBe('POST');
    // Registered by POST (it fails there, unauthenticated, but the hash is kept), then tried by
    // GET.
    const hash = sha256(mutation);
    await postJson(server.url, {
      query: mutation,
      extensions: { persistedQuery: { version: 1, sha256Hash: hash } },
    });
    const byHash = await apqGet(server.url, hash);
    expect(byHash.status).toBe(405);
  });

  it('does not let an unused variable bust the response cache', async () => {
    const query = `{ region(code: "530102") { name } } # ${Date.now()}`;
    const first = await postJson(server.url, { query });
    expect(first.headers.get('age')).toBeNull();
    const again = await postJson(server.url, { query, variables: { buster: Math.random() } });
    expect(again.headers.get('age')).not.toBeNull();
    expect(await again.json()).toEqual(await first.json());
  });
});

/**
 * Opens a raw socket, sends `text`, and resolves when the server closes it: how long it took and
 * what came back.
 */
function rawExchange(
  port: number,
  text: string,
  giveUpMs = 10_000,
): Promise<{ ms: number; reply: string }> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    let reply = '';
    const socket = net.connect(port, '127.0.0.1', () => text && socket.write(text));
    const timer = setTimeout(
      () => (socket.destroy(), reject(new Error(`still open after ${giveUpMs} ms`))),
      giveUpMs,
    );
    socket.on('data', (chunk) => (reply += chunk.toString()));
    socket.on('error', () => undefined);
    socket.on('close', () => (clearTimeout(timer), resolve({ ms: Date.now() - started, reply })));
  });
}

describe('slow and idle clients', () => {
  let server: TestServer;
  let port: number;
  const limits = { headers: 500, request: 1000, keepAlive: 300 };
  beforeAll(async () => {
    server = await startTestServer(undefined, {
      HTTP_HEADERS_TIMEOUT_MS: String(limits.headers),
      HTTP_REQUEST_TIMEOUT_MS: String(limits.request),
      HTTP_KEEP_ALIVE_TIMEOUT_MS: String(limits.keepAlive),
    });
    port = Number(new URL(server.url).port);
  });
  afterAll(() => server.close());

  it('cuts off a client that trickles its headers or its body (408), and closes idle keep-alive connections', async () => {
    const silent = await rawExchange(port, '');
    const headers = await rawExchange(port, 'POST /graphql HTTP/1.1\r\nHost: x\r\n');
    const body = await rawExchange(
      port,
      'POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"query":',
    );
    const idle = await rawExchange(port, 'GET /health/live HTTP/1.1\r\nHost: x\r\n\r\n');
    console.log(
      `socket limits (headers ${limits.headers} ms, request ${limits.request} ms, keep-alive ${limits.keepAlive} ms): silent closed after ${silent.ms} ms, slow headers ${headers.ms} ms, slow body ${body.ms} ms, idle keep-alive ${idle.ms} ms`,
    );
    for (const slow of [silent, headers]) {
      expect(slow.reply).toMatch(/^HTTP\/1\.1 408/);
      expect(slow.ms).toBeLessThan(limits.headers + 1000);
    }
    expect(body.reply).toMatch(/^HTTP\/1\.1 408/);
    expect(body.ms).toBeLessThan(limits.request + 1000);
    expect(idle.reply).toMatch(/^HTTP\/1\.1 200/);
    // Node keeps an idle connection up to a second past keepAliveTimeout.
    expect(idle.ms).toBeLessThan(limits.keepAlive + 2000);
  });
});
