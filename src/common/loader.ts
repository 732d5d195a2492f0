import DataLoader from 'dataloader';

/**
 * A per-request DataLoader over a batch query that returns [key, value] pairs: results come back
 * in key order, `null` for a key the database does not have.
 */
export function keyedLoader<K, V>(fetch: (keys: readonly K[]) => Promise<ReadonlyArray<readonly [K, V]>>, cacheKey?: (key: K) => unknown): DataLoader<K, V | null, unknown> {
  return new DataLoader<K, V | null, unknown>(
    async (keys) => {
      const found = new Map<unknown, V>();
      for (const [k, v] of await fetch(keys)) found.set(cacheKey ? cacheKey(k) : k, v);
      return keys.map((k) => found.get(cacheKey ? cacheKey(k) : k) ?? null);
    },
    { cacheKeyFn: cacheKey, maxBatchSize: 1000 },
  );
}

/** Like keyedLoader, for one-to-many: a key with no rows gets an empty list. */
export function listLoader<K, V>(fetch: (keys: readonly K[]) => Promise<ReadonlyArray<readonly [K, V[]]>>, cacheKey?: (key: K) => unknown): DataLoader<K, V[], unknown> {
  return new DataLoader<K, V[], unknown>(
    async (keys) => {
      const found = new Map<unknown, V[]>();
      for (const [k, v] of await fetch(keys)) found.set(cacheKey ? cacheKey(k) : k, v);
      return keys.map((k) => found.get(cacheKey ? cacheKey(k) : k) ?? []);
    },
    { cacheKeyFn: cacheKey, maxBatchSize: 1000 },
  );
}
