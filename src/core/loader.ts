import DataLoader from 'dataloader';
import type { DecodedQuery, Executor } from './db/executor';
import { missing } from './errors';

/**
 * A per-request DataLoader over a batch query that returns [key, value] pairs: results come back
 * in key order, `null` for a key the database does not have.
 */
export function keyedLoader<K, V>(
  fetch: (keys: readonly K[]) => Promise<ReadonlyArray<readonly [K, V]>>,
  cacheKey?: (key: K) => unknown,
): DataLoader<K, V | null, unknown> {
  return batchLoader(fetch, null, cacheKey);
}

/** Like keyedLoader, for one-to-many: a key with no rows gets an empty list. */
export function listLoader<K, V>(
  fetch: (keys: readonly K[]) => Promise<ReadonlyArray<readonly [K, V[]]>>,
  cacheKey?: (key: K) => unknown,
): DataLoader<K, V[], unknown> {
  return batchLoader<K, V[], V[]>(fetch, [], cacheKey);
}

function batchLoader<K, V, F extends V | null>(
  fetch: (keys: readonly K[]) => Promise<ReadonlyArray<readonly [K, V]>>,
  fallback: F,
  cacheKey?: (key: K) => unknown,
): DataLoader<K, V | F, unknown> {
  const id = cacheKey ?? ((k: K) => k);
  return new DataLoader<K, V | F, unknown>(
    async (keys) => {
      const found = new Map<unknown, V>();
      for (const [k, v] of await fetch(keys)) found.set(id(k), v);
      return keys.map((k) => found.get(id(k)) ?? fallback);
    },
    { cacheKeyFn: cacheKey, maxBatchSize: 1000 },
  );
}

/** Loads keys the graph must hold: a missing one is an integrity fault, named with `from`. */
export async function loadExisting<V>(
  loader: DataLoader<string, V | null, unknown>,
  keys: readonly string[],
  what: string,
  from: string,
): Promise<V[]> {
  const found = await loader.loadMany(keys);
  return found.map((v, i) => {
    if (v instanceof Error) throw v;
    if (v === null) throw missing(what, keys[i]!, from);
    return v;
  });
}

/** Loads one key the graph must hold. */
export async function loadOne<V>(
  loader: DataLoader<string, V | null, unknown>,
  key: string,
  what: string,
  from: string,
): Promise<V> {
  const value = await loader.load(key);
  if (value === null) throw missing(what, key, from);
  return value;
}

/**
 * A batch function over a query whose rows carry their `key`: the pairs keyedLoader and listLoader
 * take.
 */
export function rowsByKey<R extends { key: string }, V>(
  executor: Executor,
  label: string,
  query: (keys: readonly string[]) => DecodedQuery<R>,
  pick: (r: R) => V,
) {
  return async (keys: readonly string[]): Promise<Array<readonly [string, V]>> =>
    (await executor.read(query(keys), label)).map((r) => [r.key, pick(r)] as const);
}
