import type DataLoader from 'dataloader';
import { z } from 'zod';
import { cypherInt } from './db/convert';
import type { Executor } from './db/executor';
import type { Entity } from './entity';
import { IntegrityError } from './errors';
import { keyedLoader } from './loader';
import { type Connection, toConnection } from './pagination';
import { Statement } from './plan';

/**
 * Pages of a filtered list, paged in the database: the statement starts from the most selective
 * criterion present (an index seek or a code-prefix range seek), filters with the others, orders,
 * then SKIP/LIMIT; it counts with COUNT {} only when `totalCount` is asked.
 */
export interface PageKey<F, O> {
  readonly f: F;
  readonly order: O;
  readonly skip: number;
  readonly limit: number;
  /** Whether the total is wanted (it costs a count). */
  readonly count: boolean;
}

/**
 * A page of items (one more than asked, to tell whether more follow) and the total when counted.
 */
export interface Page<T> {
  readonly items: T[];
  readonly total: number | null;
}

/** What a module makes of its criteria: MATCH…WHERE binding `node`, and an ORDER BY over it. */
export interface PageShape {
  readonly match: string;
  readonly orderBy: string;
  readonly node: string;
}

/** `{total, items}` of one page as a Cypher expression (items projected by `projection`). */
export function pageExpression(
  shape: PageShape,
  window: { skip: number; limit: number },
  count: boolean,
  projection: string,
  statement: Statement,
): string {
  return pageExpressionWith(
    shape,
    statement.param(cypherInt(window.skip)),
    statement.param(cypherInt(window.limit + 1)),
    count,
    projection,
  );
}

/**
 * The same, with SKIP and LIMIT given as Cypher text (parameters: Cypher refuses variables there).
 */
function pageExpressionWith(
  shape: PageShape,
  skip: string,
  limit: string,
  count: boolean,
  projection: string,
): string {
  const total = count ? `COUNT { ${shape.match} }` : 'null';
  return `{total: ${total}, items: COLLECT { ${shape.match} WITH * ORDER BY ${shape.orderBy} SKIP ${skip} LIMIT ${limit} RETURN ${projection} AS item }}`;
}

/** A page as its Cypher expression returns it, before its items are decoded. */
export const RAW_PAGE = z.object({ total: z.number().nullable(), items: z.array(z.unknown()) });
const PAGES_ROW = z.object({ pages: z.array(z.object({ i: z.number(), page: RAW_PAGE })) });

function decodePage<T extends object>(entity: Entity<T>, raw: z.output<typeof RAW_PAGE>): Page<T> {
  return {
    total: raw.total,
    items: raw.items.map((item) => {
      const decoded = entity.decode.safeParse(item);
      if (!decoded.success)
        throw new IntegrityError(
          `a ${entity.label} in a page does not have the expected shape`,
          decoded.error,
        );
      return decoded.data;
    }),
  };
}

/** Pages of one shape and window: one expression over `row`, and each page's values as a row. */
interface PageGroup {
  readonly expression: string;
  readonly skip: number;
  readonly limit: number;
  readonly rows: Array<Record<string, unknown>>;
}

/**
 * Groups pages that differ only in their values (the figures of 145 indicators): each group is
 * one expression over an UNWIND of its values. Neo4j plans a statement once per text, about 60 ms
 * per page expression, so a statement with one expression per page took 10 s to plan for 145
 * pages (and a new plan for every count); grouped, it holds one per shape and window.
 */
function groupPages<K extends PageKey<unknown, object>>(
  keys: readonly K[],
  expressionOf: (key: K, statement: Statement) => string,
): PageGroup[] {
  const groups = new Map<string, PageGroup>();
  keys.forEach((k, i) => {
    const statement = new Statement();
    // The key's own values become `row.pN`; SKIP and LIMIT stay parameters of the group.
    const expression = expressionOf(k, statement).replace(/\$(p\d+)\b/g, 'row.$1');
    const id = `${k.skip}:${k.limit}:${expression}`;
    const group = groups.get(id) ?? { expression, skip: k.skip, limit: k.limit, rows: [] };
    group.rows.push({ ...statement.params, i });
    groups.set(id, group);
  });
  return [...groups.values()];
}

/** Pages for one request, batched: every page asked in a tick shares one statement. */
export function pageLoader<K extends PageKey<unknown, object>, T extends object>(
  executor: Executor,
  label: string,
  entity: Entity<T>,
  shape: (key: K, statement: Statement) => PageShape,
): DataLoader<K, Page<T> | null, unknown> {
  const expressionOf = (k: K, statement: Statement): string => {
    const s = shape(k, statement);
    return pageExpressionWith(s, '$skip_G', '$limit_G', k.count, entity.projection(s.node));
  };
  return keyedLoader<K, Page<T>>(
    async (keys) => {
      const groups = groupPages(keys, expressionOf);
      const params: Record<string, unknown> = {};
      const calls = groups.map((g, n) => {
        Object.assign(params, {
          [`rows_${n}`]: g.rows,
          [`skip_${n}`]: cypherInt(g.skip),
          [`limit_${n}`]: cypherInt(g.limit + 1),
        });
        const expression = g.expression.replace(/\$(skip|limit)_G\b/g, `$$$1_${n}`);
        return `CALL () { UNWIND $rows_${n} AS row RETURN collect({i: row.i, page: ${expression}}) AS g_${n} }`;
      });
      const [row] = await executor.read(
        {
          cypher: `${calls.join('\n')}\nRETURN ${groups.map((_, n) => `g_${n}`).join(' + ')} AS pages`,
          params,
          row: PAGES_ROW,
        },
        label,
      );
      const byIndex = new Map(row!.pages.map((p) => [p.i, p.page]));
      return keys.map((k, i) => {
        const page = byIndex.get(i);
        if (!page) throw new IntegrityError(`page ${i} of a ${label} batch did not come back`);
        return [k, decodePage(entity, page)] as const;
      });
    },
    (k) => JSON.stringify(k),
  );
}

/**
 * A Relay connection of one filtered page, through a pageLoader (primed, or batched with its
 * siblings).
 */
export async function pagedConnection<K extends PageKey<unknown, object>, T>(
  loader: DataLoader<K, Page<T> | null, unknown>,
  key: K,
): Promise<Connection<T>> {
  const result = await loader.load(key);
  return toConnection(result?.items ?? [], key, result?.total ?? 0);
}

/** A connection from a prefetched page, or through the loader when nothing was prefetched. */
export function connectionOf<K extends PageKey<unknown, object>, T>(
  page: Page<T> | null | undefined,
  loader: DataLoader<K, Page<T> | null, unknown>,
  key: K,
): Promise<Connection<T>> {
  return page
    ? Promise.resolve(toConnection(page.items, key, page.total ?? 0))
    : pagedConnection(loader, key);
}
