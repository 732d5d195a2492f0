import { createRemoteJWKSet, errors, type JWTPayload, jwtVerify } from 'jose';
import type { Config } from '../core/config';
import { type AuthUser, type Role, ROLES } from '../core/context';

export type JwtSettings = NonNullable<Config['auth']['jwt']>;

/** A JWT's verdict: the caller and until when the token holds, or why it is refused. */
export type JwtVerdict =
  | { readonly user: AuthUser; readonly expiresAt?: number }
  | { readonly refused: 'jwt-invalid' | 'jwt-no-role' };

/** Verifies a JWT; throws only when it cannot tell (the JWKS cannot be fetched). */
export type JwtVerifier = (token: string) => Promise<JwtVerdict>;

/** Asymmetric algorithms only: a symmetric one would let anyone holding the public JWKS sign. */
const ALGORITHMS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
];

/** The highest role a claim names (a string or a list; any case); undefined when it names none. */
export function roleOfClaim(claim: unknown): Role | undefined {
  const values = (Array.isArray(claim) ? claim : [claim])
    .filter((v): v is string => typeof v === 'string')
    .map((v) => v.toUpperCase());
  return [...ROLES].reverse().find((r) => values.includes(r));
}

/** The caller a verified payload names: `jwt:<sub>`, so it can never collide with an API key id. */
export function callerOf(payload: JWTPayload, roleClaim: string): AuthUser | undefined {
  const role = roleOfClaim(payload[roleClaim]);
  if (!role || !payload.sub) return undefined;
  const name =
    typeof payload.name === 'string' && payload.name.trim() !== '' ? payload.name : payload.sub;
  return { id: `jwt:${payload.sub}`, name, role };
}

/** The JWKS could not be had: no verdict on the token, a fault on our side (not the client's). */
const cannotTell = (error: unknown) =>
  error instanceof errors.JWKSTimeout ||
  error instanceof errors.JWKSInvalid ||
  !(error instanceof errors.JOSEError);

/**
 * JWTs from an identity provider: signature by a key of its JWKS (fetched and cached by jose,
 * refetched when an unknown `kid` appears), issuer and audience as configured, `exp` required,
 * and the role from `roleClaim`.
 */
export function jwtVerifier(settings: JwtSettings): JwtVerifier {
  const jwks = createRemoteJWKSet(new URL(settings.jwksUrl), {
    timeoutDuration: 5_000,
    cooldownDuration: 30_000,
  });
  return async (token) => {
    try {
      const { payload } = await jwtVerify(token, jwks, {
        issuer: settings.issuer,
        audience: settings.audience,
        algorithms: ALGORITHMS,
        requiredClaims: ['exp', 'sub'],
        clockTolerance: 5,
      });
      const user = callerOf(payload, settings.roleClaim);
      if (!user) return { refused: 'jwt-no-role' };
      return { user, expiresAt: payload.exp === undefined ? undefined : payload.exp * 1000 };
    } catch (error) {
      if (cannotTell(error)) throw error;
      return { refused: 'jwt-invalid' };
    }
  };
}
