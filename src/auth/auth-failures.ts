import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { RateLimitedError } from '../core/errors';

export interface AuthFailureLimits {
  /** Failed authentications in a row from one address before it is blocked. */
  readonly perAddress: number;
  /** Wrong secrets for one key id, from anywhere, within the window before the id is blocked. */
  readonly perKey: number;
  readonly windowSeconds: number;
  /** How long a blocked address or key id is refused without any hashing. */
  readonly blockSeconds: number;
}

const retryAfter = (res: RateLimiterRes): number => Math.max(1, Math.ceil(res.msBeforeNext / 1000));

/** A RateLimitedError naming what is blocked. */
export class AuthThrottledError extends RateLimitedError {
  constructor(
    readonly what: 'address' | 'key',
    retryAfterSeconds: number,
  ) {
    super(
      retryAfterSeconds,
      `Too many failed authentications ${what === 'address' ? 'from this address' : 'for this key'}; try again in ${retryAfterSeconds} s`,
    );
  }
}

/**
 * Failed authentications, counted as rate-limiter-flexible's login-protection pattern counts
 * them: consecutive failures per client address (a success from it starts the count again) and
 * failures per key id within a window (not reset by a success, so guessing one key's secret from
 * many addresses is bounded too). Past either limit the address or id is blocked for
 * `blockSeconds`, and a blocked request is refused before any database read or scrypt.
 */
export class AuthFailures {
  private readonly byAddress: RateLimiterMemory;
  private readonly byKey: RateLimiterMemory;

  constructor(readonly limits: AuthFailureLimits) {
    this.byAddress = new RateLimiterMemory({
      keyPrefix: 'auth-fail-address',
      points: limits.perAddress,
      duration: limits.windowSeconds,
    });
    this.byKey = new RateLimiterMemory({
      keyPrefix: 'auth-fail-key',
      points: limits.perKey,
      duration: limits.windowSeconds,
    });
  }

  /** Throws AuthThrottledError while the address is blocked. */
  async checkAddress(address: string): Promise<void> {
    await this.check(this.byAddress, address, 'address', this.limits.perAddress);
  }

  /** Throws AuthThrottledError while the key id is blocked. */
  async checkKey(keyId: string): Promise<void> {
    await this.check(this.byKey, keyId, 'key', this.limits.perKey);
  }

  /**
   * Counts a refused token against its address, and against its key id when the secret was wrong.
   */
  async failed(address: string, wrongSecretFor?: string): Promise<void> {
    await Promise.all([
      this.spend(this.byAddress, address),
      wrongSecretFor ? this.spend(this.byKey, wrongSecretFor) : undefined,
    ]);
  }

  /** An accepted token: its address's run of failures is over. */
  async succeeded(address: string): Promise<void> {
    await this.byAddress.delete(address);
  }

  private async check(
    limiter: RateLimiterMemory,
    key: string,
    what: 'address' | 'key',
    points: number,
  ): Promise<void> {
    const res = await limiter.get(key);
    if (res && res.consumedPoints >= points) throw new AuthThrottledError(what, retryAfter(res));
  }

  /**
   * One failure; the one that reaches the limit blocks the key for `blockSeconds`, which the next
   * check reports.
   */
  private async spend(limiter: RateLimiterMemory, key: string): Promise<void> {
    try {
      const res = await limiter.consume(key);
      if (res.consumedPoints >= limiter.points) await limiter.block(key, this.limits.blockSeconds);
    } catch (rejection) {
      // Already spent (failures racing past the limit): the key is blocked or about to be.
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
    }
  }
}
