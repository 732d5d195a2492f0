import type DataLoader from 'dataloader';
import { z } from 'zod';
import { cypherInt } from './db/convert';
import type { DecodedQuery, Executor } from './db/executor';
import { keyedLoader } from './loader';
import { toConnection, toPage, type Connection } from './pagination';

/** One page asked for: criteria `f` (the statement reads them as `k.f.*`), rows to skip and take. */
export interface PageKey<F> {
  readonly f: F;
  readonly skip: number;
  readonly limit: number;
}

/** A page of items (one more than asked, to tell whether more follow) and the total. */
export interface Page<T> {
  readonly items: T[];
  readonly total: number;
}

export interface PageQueryParts {
  /** Binds the row variables, e.g. `(p:Practice)-[:IN]->(r:Region)`. */
  readonly match: string;
  /** Reads the key's criteria as `k.f.*`. */
  readonly where: string;
  readonly orderBy: string;
  /** The variable of the listed node in `match`. */
  readonly node: string;
  /** The map the item schema decodes, for the node bound to `v`. */
  readonly projection: (v: string) => string;
}

type PageRow<T> = { i: number; total: number; items: T[] };
const pageRows = new WeakMap<z.ZodType, z.ZodType>();

/** The row schema of pages of `item`, made once per item schema (zod compiles it on first use). */
function pageRow<T>(item: z.ZodType<T>): z.ZodType<PageRow<T>> {
  let row = pageRows.get(item);
  if (!row) pageRows.set(item, (row = z.object({ i: z.number(), total: z.number(), items: z.array(item) })));
  // Stored under this very item schema, so it decodes pages of T.
  return row as z.ZodType<PageRow<T>>;
}

/**
 * Many filtered, ordered pages in one round trip: one row per key with its page and total. Only
 * the page's items are projected, not every match. All fragments come from code, never from input.
 */
export function filteredPagesQuery<F, T>(parts: PageQueryParts, item: z.ZodType<T>, keys: ReadonlyArray<PageKey<F>>): DecodedQuery<{ i: number; total: number; items: T[] }> {
  return {
    cypher: `UNWIND range(0, size($keys) - 1) AS i
    WITH i, $keys[i] AS k
    CALL (k) {
      OPTIONAL MATCH ${parts.match} WHERE ${parts.where}
      WITH * ORDER BY ${parts.orderBy}
      RETURN collect(${parts.node}) AS ordered
    }
    RETURN i, size(ordered) AS total, [x IN ordered[k.skip..k.skip + k.limit + 1] | ${parts.projection('x')}] AS items`,
    params: { keys: keys.map((k) => ({ f: k.f, skip: cypherInt(k.skip), limit: cypherInt(k.limit) })) },
    row: pageRow(item),
  };
}

/**
 * Pages of a filtered connection for one request, batched: keys with the same ordering share one
 * statement (ORDER BY is code, so each ordering is its own statement).
 */
export function pageLoader<K extends PageKey<unknown> & { order: object }, T>(
  executor: Executor,
  label: string,
  query: (keys: readonly K[], order: K['order']) => DecodedQuery<{ i: number; total: number; items: T[] }>,
): DataLoader<K, Page<T> | null, unknown> {
  return keyedLoader<K, Page<T>>(
    async (keys) => {
      const groups = new Map<string, K[]>();
      for (const k of keys) {
        const order = JSON.stringify(k.order);
        groups.set(order, [...(groups.get(order) ?? []), k]);
      }
      const out: Array<readonly [K, Page<T>]> = [];
      for (const group of groups.values()) {
        for (const r of await executor.read(query(group, group[0]!.order), label)) out.push([group[r.i]!, { items: r.items, total: r.total }]);
      }
      return out;
    },
    (k) => JSON.stringify(k),
  );
}

/** A Relay connection of one filtered page, through a pageLoader (so sibling pages batch). */
export async function pagedConnection<F, O extends object, T>(
  loader: DataLoader<PageKey<F> & { order: O }, Page<T> | null, unknown>,
  f: F,
  order: O,
  first: number | null | undefined,
  after: string | null | undefined,
): Promise<Connection<T>> {
  const page = toPage(first, after);
  const result = await loader.load({ f, skip: page.skip, limit: page.limit, order });
  return toConnection(result?.items ?? [], page, result?.total ?? 0);
}
