import { isIP } from 'node:net';
import { makeValidator, str, url } from 'envalid';
import { nonNegativeInt, positiveInt } from './config-validators';

/**
 * The auth settings: their variables (config.ts reads them with the rest, so every bad value is
 * reported together) and the shape they take in Config.
 */

/**
 * Which proxies' X-Forwarded-For to believe (Express's `trust proxy`): false (the socket's peer is
 * the client), true (any: the leftmost address, which a client can forge unless the proxy
 * replaces the header), a hop count, or a comma list of addresses, subnets and
 * loopback/linklocal/uniquelocal.
 */
export type TrustProxy = boolean | number | string[];

const trustProxy = makeValidator<TrustProxy>((input) => {
  const value = input.trim().toLowerCase();
  if (value === 'false' || value === '0') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) return Number(value);
  const entries = value.split(',').map((e) => e.trim());
  const known = (e: string) =>
    ['loopback', 'linklocal', 'uniquelocal'].includes(e) ||
    isIP(e) !== 0 ||
    (/^[^/]+\/\d{1,3}$/.test(e) && isIP(e.split('/')[0]!) !== 0);
  if (entries.length === 0 || !entries.every(known))
    throw new Error(
      'must be false, true, a hop count, or a comma list of addresses, subnets (10.0.0.0/8) and ' +
        'loopback/linklocal/uniquelocal',
    );
  return entries;
});

export const authSpec = {
  TRUST_PROXY: trustProxy({
    default: false,
    desc: 'Whose X-Forwarded-For gives the client address (per-address write limits, logs)',
  }),
  AUTH_CACHE_SECONDS: nonNegativeInt({
    default: 5,
    desc:
      'How long a verdict on a token is reused without a database check: the most a revoked key ' +
      'keeps working',
  }),
  AUTH_FAILURES_PER_ADDRESS: positiveInt({
    default: 10,
    desc: 'Failed authentications in a row from one address before it is blocked',
  }),
  AUTH_FAILURES_PER_KEY: positiveInt({
    default: 20,
    desc:
      'Wrong secrets for one key id within the window before the id is blocked (its holder keeps ' +
      'working)',
  }),
  AUTH_FAILURE_WINDOW_SECONDS: positiveInt({
    default: 900,
    desc: 'The window in which failed authentications are counted',
  }),
  AUTH_BLOCK_SECONDS: positiveInt({
    default: 300,
    desc: 'How long a blocked address or key id gets 429 without any hashing',
  }),
  AUTH_HASHES_AT_ONCE: positiveInt({
    default: 1,
    desc: 'scrypt verifications run at once (each takes a core for ~40 ms)',
  }),
  WRITE_LIMIT_PER_KEY: positiveInt({ default: 60, desc: 'Writes one API key may make per window' }),
  WRITE_LIMIT_PER_ADDRESS: positiveInt({
    default: 120,
    desc: 'Writes one client address may make per window, whatever the key',
  }),
  WRITE_LIMIT_WINDOW_SECONDS: positiveInt({ default: 60, desc: 'The window of the write limits' }),
  JWT_JWKS_URL: url({
    default: undefined,
    desc:
      'Accept JWTs signed by a key of this JWKS (besides API keys); needs JWT_ISSUER and ' +
      'JWT_AUDIENCE',
  }),
  JWT_ISSUER: str({ default: undefined, desc: 'The iss a JWT must carry' }),
  JWT_AUDIENCE: str({ default: undefined, desc: 'The aud a JWT must carry' }),
  JWT_ROLE_CLAIM: str({
    default: 'role',
    desc: 'The claim holding the role (editor, reviewer, admin; a string or a list)',
  }),
} as const;

export interface AuthConfig {
  readonly trustProxy: TrustProxy;
  /** AUTH_CACHE_SECONDS. */
  readonly cacheSeconds: number;
  readonly writeLimits: {
    readonly perKey: number;
    readonly perAddress: number;
    readonly windowSeconds: number;
  };
  readonly failures: {
    readonly perAddress: number;
    readonly perKey: number;
    readonly windowSeconds: number;
    readonly blockSeconds: number;
  };
  /** AUTH_HASHES_AT_ONCE. */
  readonly hashesAtOnce: number;
  /** Set when JWTs are accepted. */
  readonly jwt?: {
    readonly jwksUrl: string;
    readonly issuer: string;
    readonly audience: string;
    readonly roleClaim: string;
  };
}

interface CleanAuth {
  readonly TRUST_PROXY: TrustProxy;
  readonly AUTH_CACHE_SECONDS: number;
  readonly AUTH_FAILURES_PER_ADDRESS: number;
  readonly AUTH_FAILURES_PER_KEY: number;
  readonly AUTH_FAILURE_WINDOW_SECONDS: number;
  readonly AUTH_BLOCK_SECONDS: number;
  readonly AUTH_HASHES_AT_ONCE: number;
  readonly WRITE_LIMIT_PER_KEY: number;
  readonly WRITE_LIMIT_PER_ADDRESS: number;
  readonly WRITE_LIMIT_WINDOW_SECONDS: number;
  readonly JWT_JWKS_URL?: string;
  readonly JWT_ISSUER?: string;
  readonly JWT_AUDIENCE?: string;
  readonly JWT_ROLE_CLAIM: string;
}

export function authConfig(clean: CleanAuth): AuthConfig {
  const { JWT_JWKS_URL: jwksUrl, JWT_ISSUER: issuer, JWT_AUDIENCE: audience } = clean;
  return {
    trustProxy: clean.TRUST_PROXY,
    cacheSeconds: clean.AUTH_CACHE_SECONDS,
    writeLimits: {
      perKey: clean.WRITE_LIMIT_PER_KEY,
      perAddress: clean.WRITE_LIMIT_PER_ADDRESS,
      windowSeconds: clean.WRITE_LIMIT_WINDOW_SECONDS,
    },
    failures: {
      perAddress: clean.AUTH_FAILURES_PER_ADDRESS,
      perKey: clean.AUTH_FAILURES_PER_KEY,
      windowSeconds: clean.AUTH_FAILURE_WINDOW_SECONDS,
      blockSeconds: clean.AUTH_BLOCK_SECONDS,
    },
    hashesAtOnce: clean.AUTH_HASHES_AT_ONCE,
    jwt:
      jwksUrl && issuer && audience
        ? { jwksUrl, issuer, audience, roleClaim: clean.JWT_ROLE_CLAIM }
        : undefined,
  };
}

/**
 * Problems between auth values. Without issuer and audience, a token the provider issued for
 * another application would pass.
 */
export function authProblems(env: NodeJS.ProcessEnv): string[] {
  return env.JWT_JWKS_URL && (!env.JWT_ISSUER || !env.JWT_AUDIENCE)
    ? ['JWT_ISSUER and JWT_AUDIENCE are required with JWT_JWKS_URL']
    : [];
}
