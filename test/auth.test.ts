import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { EXIT, runKeys } from '../scripts/keys.command';
import { formatToken, newKeyId, newSecret } from '../src/auth/apikey-token';
import { createApiKey, deleteApiKeys } from '../src/auth/apikey.service';
import { createLogger } from '../src/core/logger';
import { type App, createApp } from '../src/server/app';
import { openTestDatabase, testConfig, type TestDatabase } from './support/harness';

/**
 * The `keys` command run in-process against the test database: its exit code and what it printed.
 */
async function keys(...argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const { neo4j } = testConfig();
  const code = await runKeys(argv, {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    env: { NEO4J_URI: neo4j.uri, NEO4J_PASSWORD: neo4j.password },
  });
  return { code, out, err };
}

interface Answer {
  status: number;
  cacheControl: string | null;
  data?: { me: { id: string; name: string; role: string } | null } | null;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

const ME = '{ me { id name role } }';

/** Log lines as JSON objects, captured in memory. */
function capture() {
  const lines: Array<Record<string, unknown>> = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean))
        lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { lines, log: createLogger({ level: 'info', destination }) };
}

describe('authentication with API keys', () => {
  let db: TestDatabase;
  const apps: App[] = [];
  const created: string[] = [];

  /** An app over the test database with these settings; `post` sends one operation with headers. */
  async function serve(overrides: NodeJS.ProcessEnv = {}) {
    const { lines, log } = capture();
    const app = await createApp(
      testConfig(undefined, { AUTH_CACHE_SECONDS: '1', ...overrides }),
      db.executor,
      { log },
    );
    apps.push(app);
    const url = await app.listen(0, '127.0.0.1');
    const post = async (query: string, headers: Record<string, string> = {}): Promise<Answer> => {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query }),
      });
      return {
        status: res.status,
        cacheControl: res.headers.get('cache-control'),
        ...((await res.json()) as object),
      };
    };
    return { post, lines };
  }

  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  beforeAll(() => {
    db = openTestDatabase();
  });
  afterAll(async () => {
    for (const app of apps) await app.stop();
    await deleteApiKeys(db.executor, created);
    await db.close();
  });

  /** A key made through the service, remembered for clean-up. */
  async function newKey(name: string, role: 'EDITOR' | 'REVIEWER' | 'ADMIN') {
    const made = await createApiKey(db.executor, { name, role });
    created.push(made.key.id);
    return made;
  }

  it('has a uniqueness constraint on ApiKey.id', async () => {
    const rows = await db.executor.read({
      cypher:
        "SHOW CONSTRAINTS YIELD name, labelsOrTypes, properties WHERE name = 'apikey_id_unique' RETURN labelsOrTypes, properties",
    });
    expect(rows).toEqual([{ labelsOrTypes: ['ApiKey'], properties: ['id'] }]);
  });

  it('answers me: null to an anonymous caller, never cached', async () => {
    const { post } = await serve();
    const res = await post(ME);
    expect(res).toMatchObject({ status: 200, data: { me: null } });
    expect(res.errors).toBeUndefined();
    expect(res.cacheControl).toBe('no-store');
  });

  it('creates a key with the command, prints the token once and stores only its hash', async () => {
    const made = await keys('create', '--name', 'auth-test cli', '--role', 'Reviewer');
    expect(made.code).toBe(EXIT.ok);
    const [token] = made.out;
    expect(made.out).toHaveLength(1);
    expect(token).toMatch(/^zk_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
    const id = token!.split('_')[1]!;
    created.push(id);
    const [stored] = await db.executor.read({
      cypher: 'MATCH (k:ApiKey {id: $id}) RETURN properties(k) AS k',
      params: { id },
    });
    expect(Object.keys(stored!.k as object).sort()).toEqual([
      'createdAt',
      'hash',
      'id',
      'name',
      'role',
      'salt',
    ]);
    expect(JSON.stringify(stored)).not.toContain(token!.slice(20));

    const { post } = await serve();
    const res = await post(ME, bearer(token!));
    expect(res).toMatchObject({
      status: 200,
      data: { me: { id, name: 'auth-test cli', role: 'REVIEWER' } },
    });

    const listed = await keys('list', '--json');
    expect(listed.code).toBe(EXIT.ok);
    const entry = (JSON.parse(listed.out[0]!) as Array<Record<string, unknown>>).find(
      (k) => k.id === id,
    );
    expect(entry).toMatchObject({ name: 'auth-test cli', role: 'REVIEWER', revokedAt: null });
    expect(JSON.stringify(entry)).not.toMatch(/hash|salt|zk_/);
  });

  it('identifies the caller by a valid token, and never caches its answers', async () => {
    const { key, token } = await newKey('auth-test editor', 'EDITOR');
    // With the response cache on, an anonymous `me` must not be served to a caller with a key.
    const { post } = await serve({ RESPONSE_CACHE_SECONDS: '300' });
    expect((await post(ME)).data).toEqual({ me: null });
    const res = await post(ME, bearer(token));
    expect(res).toMatchObject({
      status: 200,
      data: { me: { id: key.id, name: 'auth-test editor', role: 'EDITOR' } },
    });
    expect(res.cacheControl).toBe('no-store');
    // A public read stays cacheable for anonymous callers, and is not for one with a key.
    expect((await post('{ about { name } }')).cacheControl).toBe('max-age=300, public');
    expect((await post('{ about { name } }', bearer(token))).cacheControl).toBe('no-store');
  });

  it('refuses a made-up token, a wrong secret and malformed headers with 401 UNAUTHENTICATED, even for a read', async () => {
    const { key } = await newKey('auth-test victim', 'ADMIN');
    const { post, lines } = await serve();
    const attempts: Array<[string, Record<string, string>]> = [
      ['made-up token', bearer(formatToken(newKeyId(), newSecret()))],
      ['wrong secret for a real key', bearer(formatToken(key.id, newSecret()))],
      ['not a token', bearer('hunter2')],
      ['another scheme', { authorization: 'Basic YWxpY2U6cGFzcw==' }],
      ['bearer with no token', { authorization: 'Bearer' }],
      ['two tokens', { authorization: `Bearer ${formatToken(key.id, newSecret())} extra` }],
    ];
    for (const [what, headers] of attempts) {
      const res = await post('{ about { name } }', headers);
      expect({
        what,
        status: res.status,
        code: res.errors?.[0]?.extensions?.code,
        data: res.data,
      }).toEqual({ what, status: 401, code: 'UNAUTHENTICATED', data: undefined });
    }
    // Each refusal is logged with its reason (and key id when there is one), never with the secret.
    const refused = lines.filter((l) => l.msg === 'authentication refused');
    expect(refused.map((l) => l.reason)).toEqual([
      'unknown',
      'mismatch',
      'malformed',
      'malformed',
      'malformed',
      'malformed',
    ]);
    expect(refused[1]).toMatchObject({ keyId: key.id });
    expect(JSON.stringify(refused)).not.toContain('hunter2');
  });

  it('stops accepting a revoked key within AUTH_CACHE_SECONDS', async () => {
    const { key, token } = await newKey('auth-test revoked', 'EDITOR');
    const { post } = await serve({ AUTH_CACHE_SECONDS: '1' });
    expect((await post(ME, bearer(token))).data).toEqual({
      me: { id: key.id, name: 'auth-test revoked', role: 'EDITOR' },
    });

    const revoked = await keys('revoke', key.id);
    expect(revoked.code).toBe(EXIT.ok);
    const t0 = Date.now();
    let res = await post(ME, bearer(token));
    while (res.status === 200 && Date.now() - t0 < 5000) {
      await new Promise((r) => setTimeout(r, 100));
      res = await post(ME, bearer(token));
    }
    const ms = Date.now() - t0;
    console.log(`revoked key refused ${ms} ms after \`keys revoke\` (AUTH_CACHE_SECONDS=1)`);
    expect(res).toMatchObject({
      status: 401,
      errors: [{ extensions: { code: 'UNAUTHENTICATED' } }],
    });
    // 1 s of cache, plus the polling step and a loaded machine's slack.
    expect(ms).toBeLessThan(2000);

    expect((await keys('revoke', key.id)).code).toBe(EXIT.ok);
    const listed = JSON.parse((await keys('list', '--json')).out[0]!) as Array<{
      id: string;
      revokedAt: string | null;
    }>;
    expect(listed.find((k) => k.id === key.id)?.revokedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('gives the command exit codes scripts can rely on', async () => {
    expect((await keys('revoke', '0123456789abcdef')).code).toBe(EXIT.notFound);
    expect((await keys('revoke', 'not-an-id')).code).toBe(EXIT.notFound);
    expect((await keys('create', '--name', 'x', '--role', 'owner')).code).toBe(EXIT.usage);
    expect((await keys('create', '--role', 'editor')).code).toBe(EXIT.usage);
    expect((await keys('create', '--name', '  ', '--role', 'editor')).code).toBe(EXIT.usage);
    expect((await keys('frobnicate')).code).toBe(EXIT.usage);
    const help = await keys('revoke', '--help');
    expect(help.code).toBe(EXIT.ok);
    expect(help.out.join('\n')).toContain('Usage: keys revoke');
  });

  it('accepts a JWT signed by a key of the configured JWKS', async () => {
    const { publicKey, privateKey } = await generateKeyPair('ES256');
    const jwks = JSON.stringify({
      keys: [{ ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256' }],
    });
    const idp = http.createServer((_req, res) =>
      res.writeHead(200, { 'content-type': 'application/json' }).end(jwks),
    );
    await new Promise<void>((resolve) => idp.listen(0, '127.0.0.1', resolve));
    try {
      const { post } = await serve({
        JWT_JWKS_URL: `http://127.0.0.1:${(idp.address() as AddressInfo).port}/jwks`,
        JWT_ISSUER: 'https://id.example.org/',
        JWT_AUDIENCE: 'zhili',
      });
      const sign = (aud: string) =>
        new SignJWT({ sub: 'u-42', name: 'Dana', role: 'reviewer' })
          .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
          .setIssuer('https://id.example.org/')
          .setAudience(aud)
          .setExpirationTime('5m')
          .sign(privateKey);
      expect((await post(ME, bearer(await sign('zhili')))).data).toEqual({
        me: { id: 'jwt:u-42', name: 'Dana', role: 'REVIEWER' },
      });
      expect((await post(ME, bearer(await sign('another-app')))).status).toBe(401);
    } finally {
      await new Promise((resolve) => idp.close(resolve));
    }
  });

  it('takes the client address from X-Forwarded-For only when TRUST_PROXY says so', async () => {
    const forged = { ...bearer('hunter2'), 'x-forwarded-for': '203.0.113.9' };
    const direct = await serve();
    await direct.post(ME, forged);
    expect(direct.lines.find((l) => l.msg === 'authentication refused')?.clientAddress).toMatch(
      /127\.0\.0\.1$/,
    );
    const proxied = await serve({ TRUST_PROXY: 'loopback' });
    await proxied.post(ME, forged);
    expect(proxied.lines.find((l) => l.msg === 'authentication refused')?.clientAddress).toBe(
      '203.0.113.9',
    );
  });
});
