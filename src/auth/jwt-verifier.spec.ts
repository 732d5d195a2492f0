import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JWTPayload, type KeyLike, SignJWT } from 'jose';
import { Authenticator } from './authenticator';
import { type JwtVerifier, jwtVerifier, roleOfClaim } from './jwt-verifier';

const ISSUER = 'https://id.example.org/';
const AUDIENCE = 'zhili';

/** An identity provider in miniature: a JWKS on a local port and a key to sign with. */
async function provider() {
  const { publicKey, privateKey } = await generateKeyPair('ES256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' };
  const server = http.createServer((_req, res) =>
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] })),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json`;
  const sign = (
    claims: JWTPayload,
    options: { key?: KeyLike | Uint8Array; alg?: string; kid?: string; exp?: number | string } = {},
  ) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: options.alg ?? 'ES256', kid: options.kid ?? 'k1' })
      .setIssuer(claims.iss ?? ISSUER)
      .setAudience(claims.aud ?? AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(options.exp ?? '10m')
      .sign(options.key ?? privateKey);
  return { url, sign, close: () => new Promise((resolve) => server.close(resolve)) };
}

describe('JWTs from a JWKS', () => {
  let idp: Awaited<ReturnType<typeof provider>>;
  let verify: JwtVerifier;
  beforeAll(async () => {
    idp = await provider();
    verify = jwtVerifier({
      jwksUrl: idp.url,
      issuer: ISSUER,
      audience: AUDIENCE,
      roleClaim: 'role',
    });
  });
  afterAll(() => idp.close());

  it('reads the role from a string or a list claim, the highest role winning', () => {
    expect(roleOfClaim('editor')).toBe('EDITOR');
    expect(roleOfClaim(['Editor', 'REVIEWER', 'other'])).toBe('REVIEWER');
    expect(roleOfClaim(['owner'])).toBeUndefined();
    expect(roleOfClaim(42)).toBeUndefined();
  });

  it('accepts a token signed by a key of the JWKS, for the configured issuer and audience', async () => {
    const verdict = await verify(await idp.sign({ sub: 'u1', name: 'Alice', role: 'reviewer' }));
    expect(verdict).toMatchObject({ user: { id: 'jwt:u1', name: 'Alice', role: 'REVIEWER' } });
    expect('expiresAt' in verdict && verdict.expiresAt! > Date.now()).toBe(true);
  });

  it.each([
    [
      'expired',
      async () =>
        idp.sign({ sub: 'u1', role: 'editor' }, { exp: Math.floor(Date.now() / 1000) - 60 }),
    ],
    ['for another audience', async () => idp.sign({ sub: 'u1', role: 'editor', aud: 'other-app' })],
    [
      'from another issuer',
      async () => idp.sign({ sub: 'u1', role: 'editor', iss: 'https://evil.example/' }),
    ],
    [
      'signed by a key not in the JWKS',
      async () =>
        idp.sign(
          { sub: 'u1', role: 'editor' },
          { key: (await generateKeyPair('ES256')).privateKey },
        ),
    ],
    [
      'signed by a key the JWKS does not name',
      async () =>
        idp.sign(
          { sub: 'u1', role: 'editor' },
          { key: (await generateKeyPair('ES256')).privateKey, kid: 'k9' },
        ),
    ],
    [
      'signed with a shared secret (HS256)',
      async () =>
        idp.sign(
          { sub: 'u1', role: 'editor' },
          { key: new TextEncoder().encode('x'.repeat(32)), alg: 'HS256' },
        ),
    ],
    ['without a subject', async () => idp.sign({ role: 'editor' })],
  ])('refuses a token %s', async (_what, make) => {
    await expect(verify(await make())).resolves.toEqual({ refused: 'jwt-invalid' });
  });

  it('refuses a valid token that names no role', async () => {
    await expect(verify(await idp.sign({ sub: 'u2', role: 'owner' }))).resolves.toEqual({
      refused: 'jwt-no-role',
    });
  });

  it('gives no verdict when the JWKS cannot be fetched', async () => {
    const unreachable = jwtVerifier({
      jwksUrl: 'http://127.0.0.1:9/jwks.json',
      issuer: ISSUER,
      audience: AUDIENCE,
      roleClaim: 'role',
    });
    await expect(unreachable(await idp.sign({ sub: 'u1', role: 'editor' }))).rejects.toThrow();
  });

  it('goes through the Authenticator beside API keys, cached no longer than the token lives', async () => {
    let calls = 0;
    let clock = Date.now();
    const counted: JwtVerifier = (t) => ((calls += 1), verify(t));
    const auth = new Authenticator(async () => null, {
      cacheMs: 60_000,
      jwt: counted,
      now: () => clock,
    });
    const token = await idp.sign(
      { sub: 'u3', role: 'admin' },
      { exp: Math.floor(Date.now() / 1000) + 30 },
    );
    await expect(auth.authenticate(`Bearer ${token}`)).resolves.toEqual({
      id: 'jwt:u3',
      name: 'u3',
      role: 'ADMIN',
    });
    clock += 29_000;
    await auth.authenticate(`Bearer ${token}`);
    expect(calls).toBe(1);
    // Past the token's exp the cached verdict is gone, although the cache period is a minute.
    clock += 2_000;
    await auth.authenticate(`Bearer ${token}`);
    expect(calls).toBe(2);
    // Not a JWT and not an API key: malformed, without asking the verifier.
    await expect(auth.authenticate('Bearer a.b')).rejects.toMatchObject({ reason: 'malformed' });
    await expect(
      auth.authenticate(`Bearer zk_0123456789abcdef_${'a'.repeat(43)}`),
    ).rejects.toMatchObject({ reason: 'unknown' });
    expect(calls).toBe(2);
  });
});
