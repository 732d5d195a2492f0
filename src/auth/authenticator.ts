import { createHash } from 'node:crypto';
import type { AuthUser } from '../core/context';
import { UnauthenticatedError } from '../core/errors';
import { verifySecret } from './apikey-hash';
import { parseToken, readAuthorization, TOKEN_PREFIX } from './apikey-token';
import type { StoredKey } from './apikey.repository';
import type { AuthFailures } from './auth-failures';
import type { HashSlots } from './hash-slots';
import type { JwtVerifier } from './jwt-verifier';

/** Finds a stored key by id (the database in the server, a table in unit tests). */
export type KeyLookup = (id: string) => Promise<StoredKey | null>;

export interface AuthenticatorOptions {
  /**
   * How long a verdict on a token is reused without asking the database again. It bounds how
   * long a key revoked by another process (the `keys` command) keeps working; 0 checks every
   * request (a database read and scrypt each).
   */
  readonly cacheMs: number;
  /** Most verdicts kept; the oldest go first (random tokens must not grow memory). */
  readonly maxEntries?: number;
  readonly now?: () => number;
  /** Accepts JWTs too, when a JWKS is configured; API keys are always accepted. */
  readonly jwt?: JwtVerifier;
  /**
   * Failed authentications per address and key id, with their blocks; none: unlimited (unit tests).
   */
  readonly failures?: AuthFailures;
  /** Where scrypt runs, bounded; none: as many at once as come. */
  readonly hashSlots?: HashSlots;
  /**
   * How long a token that passed scrypt is known good (it then skips scrypt, not the database
   * check).
   */
  readonly knownGoodMs?: number;
}

/** Three base64url parts: what a compact JWS looks like. */
const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/** Why a token was refused: logged (with the key id when known), never sent. */
export class AuthenticationRefused extends UnauthenticatedError {
  constructor(
    readonly reason:
      'malformed' | 'unknown' | 'revoked' | 'mismatch' | 'jwt-invalid' | 'jwt-no-role',
    readonly keyId?: string,
  ) {
    super(
      reason === 'malformed'
        ? 'The Authorization header must be "Bearer <token>" with a Zhili API key'
        : 'The bearer token is not valid (unknown, expired or revoked)',
    );
  }
}

type Reason = AuthenticationRefused['reason'];

interface Verdict {
  readonly user: AuthUser | null;
  /** Kept as data: each refused request gets its own error object. */
  readonly refused?: { readonly reason: Reason; readonly keyId?: string };
  readonly expires: number;
}

/**
 * Turns an Authorization header into the caller. Verdicts — accepted and refused alike — are
 * kept for `cacheMs`, keyed by a SHA-256 of the whole token (so a cached key never matches a
 * different secret, and the token itself is not held): a request with a known token pays
 * neither scrypt nor a database read, and repeating a bad token costs nothing either.
 * Concurrent first requests with one token share one verification.
 */
export class Authenticator {
  private readonly verdicts = new Map<string, Verdict>();
  private readonly pending = new Map<string, Promise<Verdict>>();
  /** Digest of a token that passed scrypt → the stored hash it passed against, and until when. */
  private readonly knownGood = new Map<string, { readonly hash: string; readonly until: number }>();
  private readonly maxEntries: number;
  private readonly now: () => number;

  constructor(
    private readonly lookup: KeyLookup,
    private readonly options: AuthenticatorOptions,
  ) {
    this.maxEntries = options.maxEntries ?? 10_000;
    this.now = options.now ?? Date.now;
  }

  /**
   * The caller for this header: null without credentials; throws AuthenticationRefused for bad
   * ones, and AuthThrottledError (429) while `clientAddress` is blocked for its failures.
   */
  async authenticate(
    header: string | undefined,
    clientAddress = 'unknown',
  ): Promise<AuthUser | null> {
    const credentials = readAuthorization(header);
    if (credentials.kind === 'none') return null;
    const { failures } = this.options;
    await failures?.checkAddress(clientAddress);
    try {
      if (credentials.kind === 'malformed') throw new AuthenticationRefused('malformed');
      const verdict = await this.verdictFor(credentials.token);
      if (verdict.refused)
        throw new AuthenticationRefused(verdict.refused.reason, verdict.refused.keyId);
      await failures?.succeeded(clientAddress);
      return verdict.user;
    } catch (error) {
      if (error instanceof AuthenticationRefused)
        await failures?.failed(
          clientAddress,
          error.reason === 'mismatch' ? error.keyId : undefined,
        );
      throw error;
    }
  }

  /** Drops what is cached for a key: a revocation made in this process applies at once. */
  forget(keyId: string): void {
    for (const [digest, verdict] of this.verdicts) {
      if (verdict.user?.id === keyId || verdict.refused?.keyId === keyId)
        this.verdicts.delete(digest);
    }
  }

  private async verdictFor(token: string): Promise<Verdict> {
    const digest = createHash('sha256').update(token).digest('base64url');
    const cached = this.verdicts.get(digest);
    if (cached && cached.expires > this.now()) return cached;
    let running = this.pending.get(digest);
    if (!running) {
      running = this.verify(token, digest).finally(() => this.pending.delete(digest));
      this.pending.set(digest, running);
    }
    const verdict = await running;
    this.remember(digest, verdict);
    return verdict;
  }

  private verify(token: string, digest: string): Promise<Verdict> {
    const expires = this.now() + this.options.cacheMs;
    const { jwt } = this.options;
    if (jwt && !token.startsWith(TOKEN_PREFIX) && JWT_SHAPE.test(token))
      return this.verifyJwt(jwt, token, expires);
    return this.verifyApiKey(token, digest, expires);
  }

  private async verifyJwt(jwt: JwtVerifier, token: string, expires: number): Promise<Verdict> {
    // The signature and claims are checked by jose; the JWKS it fetches is its own cache.
    const verdict = await jwt(token);
    if ('refused' in verdict) return { user: null, refused: { reason: verdict.refused }, expires };
    // A verdict never outlives the token.
    return { user: verdict.user, expires: Math.min(expires, verdict.expiresAt ?? expires) };
  }

  private async verifyApiKey(token: string, digest: string, expires: number): Promise<Verdict> {
    const parsed = parseToken(token);
    if (!parsed) return { user: null, refused: { reason: 'malformed' }, expires };
    // A database error propagates (and is not cached): it is no verdict on the token.
    const stored = await this.lookup(parsed.id);
    // Key ids are not secret (they are listed and logged), so an unknown id may be told apart
    // from a wrong secret by timing: nothing is learnt that `keys list` would not show.
    if (!stored) return { user: null, refused: { reason: 'unknown', keyId: parsed.id }, expires };
    if (!(await this.secretMatches(parsed, digest, stored)))
      return { user: null, refused: { reason: 'mismatch', keyId: parsed.id }, expires };
    if (stored.revoked)
      return { user: null, refused: { reason: 'revoked', keyId: parsed.id }, expires };
    return { user: { id: stored.id, name: stored.name, role: stored.role }, expires };
  }

  /**
   * scrypt, unless this very token passed it against this very hash lately. A key whose wrong
   * secrets are blocked (AuthThrottledError) still serves its holder, whose token is known good.
   */
  private async secretMatches(
    parsed: { id: string; secret: string },
    digest: string,
    stored: StoredKey,
  ): Promise<boolean> {
    const good = this.knownGood.get(digest);
    if (good && good.hash === stored.hash && good.until > this.now()) return true;
    await this.options.failures?.checkKey(parsed.id);
    const verify = () => verifySecret(parsed.secret, stored);
    const matches = await (this.options.hashSlots ? this.options.hashSlots.run(verify) : verify());
    if (matches)
      bounded(
        this.knownGood,
        digest,
        { hash: stored.hash, until: this.now() + (this.options.knownGoodMs ?? 3_600_000) },
        this.maxEntries,
      );
    return matches;
  }

  private remember(digest: string, verdict: Verdict): void {
    if (this.options.cacheMs <= 0 || this.verdicts.get(digest) === verdict) return;
    bounded(this.verdicts, digest, verdict, this.maxEntries);
  }
}

/**
 * Sets `key` as the newest entry and drops the oldest past `max` (Maps iterate in insertion order).
 */
function bounded<V>(map: Map<string, V>, key: string, value: V, max: number): void {
  map.delete(key);
  map.set(key, value);
  for (const oldest of map.keys()) {
    if (map.size <= max) break;
    map.delete(oldest);
  }
}
