import { ConfigError, loadConfig } from '../core/config';

describe('auth configuration', () => {
  it('has defaults: proxies not trusted, verdicts cached 5 s, 60 writes a minute per key and 120 per address, failed authentications limited', () => {
    expect(loadConfig({}).auth).toEqual({
      trustProxy: false,
      cacheSeconds: 5,
      writeLimits: { perKey: 60, perAddress: 120, windowSeconds: 60 },
      failures: { perAddress: 10, perKey: 20, windowSeconds: 900, blockSeconds: 300 },
      hashesAtOnce: 1,
      jwt: undefined,
    });
  });

  it.each([
    ['true', true],
    ['false', false],
    ['0', false],
    ['1', 1],
    ['loopback', ['loopback']],
    ['10.0.0.0/8, 192.168.1.7,::1', ['10.0.0.0/8', '192.168.1.7', '::1']],
  ])('reads TRUST_PROXY=%j', (value, expected) => {
    expect(loadConfig({ TRUST_PROXY: value }).auth.trustProxy).toEqual(expected);
  });

  it('accepts JWTs only with a JWKS, an issuer and an audience', () => {
    const jwt = {
      JWT_JWKS_URL: 'https://id.example.org/jwks.json',
      JWT_ISSUER: 'https://id.example.org/',
      JWT_AUDIENCE: 'zhili',
    };
    expect(loadConfig(jwt).auth.jwt).toEqual({
      jwksUrl: jwt.JWT_JWKS_URL,
      issuer: jwt.JWT_ISSUER,
      audience: 'zhili',
      roleClaim: 'role',
    });
    expect(loadConfig({}).auth.jwt).toBeUndefined();
    expect(() =>
      loadConfig({ JWT_JWKS_URL: jwt.JWT_JWKS_URL, JWT_ISSUER: jwt.JWT_ISSUER }),
    ).toThrow('JWT_ISSUER and JWT_AUDIENCE are required with JWT_JWKS_URL');
  });

  it('names every bad value', () => {
    const error = (() => {
      try {
        loadConfig({
          TRUST_PROXY: 'yes please',
          AUTH_CACHE_SECONDS: '-1',
          WRITE_LIMIT_PER_KEY: '0',
          WRITE_LIMIT_WINDOW_SECONDS: '1.5',
        });
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ConfigError);
    const names = (error as ConfigError).problems.map((p) => p.split('=')[0]);
    expect(names).toEqual(
      expect.arrayContaining([
        'TRUST_PROXY',
        'AUTH_CACHE_SECONDS',
        'WRITE_LIMIT_PER_KEY',
        'WRITE_LIMIT_WINDOW_SECONDS',
      ]),
    );
  });
});
