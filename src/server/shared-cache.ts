import { KeyvAdapter } from '@apollo/utils.keyvadapter';
import {
  InMemoryLRUCache,
  type KeyValueCache,
  type KeyValueCacheSetOptions,
} from '@apollo/utils.keyvaluecache';
import KeyvRedis from '@keyv/redis';
import Keyv from 'keyv';
import type { Logger } from '../core/logger';
import { type SharedRedis, withinCommandTimeout } from '../core/redis';

/** Failures of a shared cache are logged once per interval: a Redis outage is one event. */
const FAILURE_LOG_INTERVAL_MS = 10_000;

/**
 * A cache whose failures are misses: a read that fails or stalls answers "not cached" and the
 * request runs; a write that fails is dropped. Redis being down slows answers, never fails them.
 */
export class TolerantCache implements KeyValueCache<string> {
  private loggedAt = 0;

  constructor(
    private readonly inner: KeyValueCache<string>,
    private readonly log: Logger,
    private readonly what: string,
  ) {}

  get(key: string): Promise<string | undefined> {
    return this.guard(this.inner.get(key), undefined);
  }

  set(key: string, value: string, options?: KeyValueCacheSetOptions): Promise<void> {
    return this.guard(this.inner.set(key, value, options), undefined);
  }

  delete(key: string): Promise<boolean | void> {
    return this.guard(this.inner.delete(key), false);
  }

  private async guard<T>(work: Promise<T>, fallback: T): Promise<T> {
    try {
      return await withinCommandTimeout(work);
    } catch (err) {
      const now = Date.now();
      if (now - this.loggedAt >= FAILURE_LOG_INTERVAL_MS) {
        this.loggedAt = now;
        this.log.warn({ err, cache: this.what }, `${this.what}: Redis failed, treated as a miss`);
      }
      return fallback;
    }
  }
}

/**
 * Apollo's cache (the response cache and the persisted-query store): in Redis when one is
 * configured, so every API process shares answers and registered hashes; else this process's
 * bounded LRU, as Apollo's default.
 */
export function apolloCache(redis: SharedRedis | undefined, log: Logger): KeyValueCache<string> {
  if (!redis) return new InMemoryLRUCache();
  const keyv = new Keyv<string>({
    store: new KeyvRedis(redis.client, { throwOnErrors: true }),
    namespace: 'zhili',
    // The adapter's store raises; TolerantCache turns that into a miss and one log line.
    throwOnErrors: true,
  });
  keyv.on('error', () => {});
  return new TolerantCache(new KeyvAdapter(keyv), log, 'shared cache');
}

/**
 * How long a registered persisted query is kept: forever in the process's LRU (which evicts
 * least-used first), a week in Redis so that a flood of registrations cannot fill it for good.
 */
export const persistedQueryTtl = (redis: SharedRedis | undefined): number | null =>
  redis ? 7 * 24 * 3600 : null;
