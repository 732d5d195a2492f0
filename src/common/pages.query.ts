import { cypherInt } from '../db/convert';
import type { CypherQuery } from '../db/executor';

export interface PageKey<F> {
  readonly f: F;
  readonly skip: number;
  readonly limit: number;
}

/**
 * Many filtered, ordered pages in one round trip: one row per key with the page (one extra item
 * to tell whether more follow) and the total. `match` binds the row variables, `where` reads the
 * key's criteria as `k.f.*`, `projection` turns a row into a map with an `id`. All fragments come
 * from code, never from input.
 */
export function filteredPagesQuery<F>(parts: { match: string; where: string; orderBy: string; projection: string }, keys: ReadonlyArray<PageKey<F>>): CypherQuery {
  return {
    cypher: `UNWIND range(0, size($keys) - 1) AS i
    WITH i, $keys[i] AS k
    CALL (k) {
      OPTIONAL MATCH ${parts.match} WHERE ${parts.where}
      WITH * ORDER BY ${parts.orderBy}
      RETURN [x IN collect(${parts.projection}) WHERE x.id IS NOT NULL] AS ordered
    }
    RETURN i, size(ordered) AS total, ordered[k.skip..k.skip + k.limit + 1] AS items`,
    params: { keys: keys.map((k) => ({ f: k.f, skip: cypherInt(k.skip), limit: cypherInt(k.limit) })) },
  };
}
