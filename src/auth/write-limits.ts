import { cleanEnv } from 'envalid';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { Config } from '../core/config';
import { authConfig, authSpec } from '../core/config-auth';
import type { Context } from '../core/context';
import { RateLimitedError } from '../core/errors';

export type WriteLimits = Config['auth']['writeLimits'];

/**
 * Write budgets per API key and per client address over a fixed window, in this process's
 * memory (rate-limiter-flexible's memory store): with several API processes each has its own
 * budget, so the effective limit is that many times higher — put a shared store behind
 * `WriteLimiter` before scaling out.
 */
export class WriteLimiter {
  private readonly perKey: RateLimiterMemory;
  private readonly perAddress: RateLimiterMemory;

  constructor(readonly limits: WriteLimits) {
    this.perKey = new RateLimiterMemory({
      keyPrefix: 'write-key',
      points: limits.perKey,
      duration: limits.windowSeconds,
    });
    this.perAddress = new RateLimiterMemory({
      keyPrefix: 'write-address',
      points: limits.perAddress,
      duration: limits.windowSeconds,
    });
  }

  /**
   * Counts one write (or `points`) against the caller's key and address; throws RateLimitedError
   * when either is spent.
   */
  async consume(ctx: Pick<Context, 'user' | 'clientAddress'>, points = 1): Promise<void> {
    try {
      // The address first: it also counts writes made with several keys from one place.
      await this.perAddress.consume(ctx.clientAddress, points);
      if (ctx.user) await this.perKey.consume(ctx.user.id, points);
    } catch (rejection) {
      // The limiter rejects with a RateLimiterRes when a budget is spent, with an Error otherwise.
      if (rejection instanceof RateLimiterRes)
        throw new RateLimitedError(Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)));
      throw rejection;
    }
  }
}

let current: WriteLimiter | undefined;

/** Sets the limits (the server does, from its configuration); counts start afresh. */
export function configureWriteLimits(limits: WriteLimits): WriteLimiter {
  current = new WriteLimiter(limits);
  return current;
}

/**
 * Call at the top of every mutation resolver, after authorisation: `await limitWrite(ctx)`.
 * Throws RateLimitedError (HTTP 429, Retry-After) when the caller's key or address has used its
 * writes for the window. Without a configured server (a unit test) it applies the default limits.
 */
export function limitWrite(
  ctx: Pick<Context, 'user' | 'clientAddress'>,
  points = 1,
): Promise<void> {
  // The defaults of the auth settings alone: the whole configuration may judge this machine (heap
  // sizes).
  current ??= new WriteLimiter(authConfig(cleanEnv({}, authSpec)).writeLimits);
  return current.consume(ctx, points);
}
