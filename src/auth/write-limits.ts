import { cleanEnv } from 'envalid';
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
} from 'rate-limiter-flexible';
import type { Config } from '../core/config';
import { authConfig, authSpec } from '../core/config-auth';
import type { Context } from '../core/context';
import { RateLimitedError } from '../core/errors';
import type { RedisClient } from '../core/redis';

export type WriteLimits = Config['auth']['writeLimits'];

/**
 * One budget: in Redis when given one, so every API process draws on the same count, with this
 * process's memory as the insurance limiter while Redis fails; else in memory only, where each
 * process has its own budget (N processes allow N times the limit).
 */
function budget(
  keyPrefix: string,
  points: number,
  duration: number,
  redis?: RedisClient,
): RateLimiterAbstract {
  const memory = new RateLimiterMemory({ keyPrefix, points, duration });
  if (!redis) return memory;
  return new RateLimiterRedis({
    storeClient: redis,
    useRedisPackage: true,
    keyPrefix: `zhili:${keyPrefix}`,
    points,
    duration,
    insuranceLimiter: memory,
  });
}

/** Write budgets per API key and per client address over a fixed window. */
export class WriteLimiter {
  private readonly perKey: RateLimiterAbstract;
  private readonly perAddress: RateLimiterAbstract;

  constructor(
    readonly limits: WriteLimits,
    redis?: RedisClient,
  ) {
    this.perKey = budget('write-key', limits.perKey, limits.windowSeconds, redis);
    this.perAddress = budget('write-address', limits.perAddress, limits.windowSeconds, redis);
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

/**
 * Sets the limits (the server does, from its configuration, with its Redis if any); counts kept
 * in memory start afresh.
 */
export function configureWriteLimits(limits: WriteLimits, redis?: RedisClient): WriteLimiter {
  current = new WriteLimiter(limits, redis);
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
