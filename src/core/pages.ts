import type DataLoader from 'dataloader';
import { z } from 'zod';
import { cypherInt } from './db/convert';
import type { Executor } from './db/executor';
import type { Entity } from './entity';
import { IntegrityError } from './errors';
import { keyedLoader } from './loader';
import { type Connection, MAX_FIRST, toConnection, toPage } from './pagination';
import {
  descend,
  materialize,
  project,
  type Relation,
  type ResolveTree,
  selectionOf,
  Statement,
  type TypePlan,
} from './plan';

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

/** A page of items (one more than asked, to tell whether more follow) and the total when counted. */
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

/** The same, with SKIP and LIMIT given as Cypher text (parameters: Cypher refuses variables there). */
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

const RAW_PAGE = z.object({ total: z.number().nullable(), items: z.array(z.unknown()) });
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

/** A Relay connection of one filtered page, through a pageLoader (primed, or batched with its siblings). */
export async function pagedConnection<K extends PageKey<unknown, object>, T>(
  loader: DataLoader<K, Page<T> | null, unknown>,
  key: K,
): Promise<Connection<T>> {
  const result = await loader.load(key);
  return toConnection(result?.items ?? [], key, result?.total ?? 0);
}

/** The page key a connection field's arguments make: `first`/`after` → window, `count` from the selection. */
export function pageWindow(
  first: number | null | undefined,
  after: string | null | undefined,
): { skip: number; limit: number } {
  return toPage(first, after);
}

/** Whether a connection's selection asks for `totalCount`. */
export const wantsTotal = (tree: ResolveTree | undefined, connectionType: string): boolean =>
  Object.values(selectionOf(tree, connectionType)).some((f) => f.name === 'totalCount');

/** The node selection inside a connection's `edges { node { … } }`. */
export function nodeTree(
  tree: ResolveTree,
  connectionType: string,
  edgeType: string,
): ResolveTree | undefined {
  return descend(tree, [connectionType, 'edges'], [edgeType, 'node']);
}

/** A connection field's arguments: graphql-js coerced them to the schema's input types already. */
export interface ConnectionArgs {
  readonly filter: object | null;
  readonly orderBy: { readonly field: string; readonly direction: string } | null;
  readonly first: number | null;
  readonly after: string | null;
  readonly includeSubregions: boolean;
}

const isObject = (v: unknown): v is object => typeof v === 'object' && v !== null;

/** An ordering read back into its enums (null unless both values are members). */
export function orderOf<F extends string>(
  fields: { readonly [K in F]: K },
  o: ConnectionArgs['orderBy'],
): { field: F; direction: 'ASC' | 'DESC' } | null {
  const field = Object.values<F>(fields).find((f) => f === o?.field);
  const direction = (['ASC', 'DESC'] as const).find((d) => d === o?.direction);
  return field && direction ? { field, direction } : null;
}

/** The connection arguments of a selected field, read by their coerced types. */
function connectionArgs(a: ResolveTree['args']): ConnectionArgs {
  const order = a.orderBy;
  return {
    filter: isObject(a.filter) ? a.filter : null,
    orderBy:
      isObject(order) && 'field' in order && 'direction' in order
        ? { field: String(order.field), direction: String(order.direction) }
        : null,
    first: typeof a.first === 'number' ? a.first : null,
    after: typeof a.after === 'string' ? a.after : null,
    includeSubregions: a.includeSubregions === true,
  };
}

export interface PageRelationSpec<K extends PageKey<unknown, object>, C extends object> {
  readonly target: () => TypePlan<C>;
  readonly connectionType: string;
  readonly edgeType: string;
  /** The page key of the field's arguments (criteria from a parent come through `shape`); null to leave the page to its resolver. */
  readonly key: (args: ConnectionArgs, count: boolean) => K | null;
  /** The page's MATCH for that key, with the parent bound to `v` (null at the root). */
  readonly shape: (key: K, statement: Statement, v: string | null) => PageShape;
}

export interface PageRelation<P, C> extends Relation<P> {
  compileRoot(tree: ResolveTree, statement: Statement): string | null;
  readRoot(raw: unknown, tree: ResolveTree): Page<C>;
}

/** A connection field as a relation: the page and its items' own relations in the parent's statement. */
export function pageRelation<P, K extends PageKey<unknown, object>, C extends object>(
  spec: PageRelationSpec<K, C>,
): PageRelation<P, C> {
  // Arguments are not validated yet when a parent compiles its children: out of bounds, the page is left to its resolver, which refuses them.
  const keyFor = (tree: ResolveTree): K | null => {
    try {
      const key = spec.key(connectionArgs(tree.args), wantsTotal(tree, spec.connectionType));
      return key && key.limit >= 0 && key.limit <= MAX_FIRST ? key : null;
    } catch {
      return null;
    }
  };
  const compile = (v: string | null, tree: ResolveTree, statement: Statement): string | null => {
    const key = keyFor(tree);
    if (!key) return null;
    const shape = spec.shape(key, statement, v);
    return pageExpression(
      shape,
      key,
      key.count,
      project(
        spec.target(),
        shape.node,
        nodeTree(tree, spec.connectionType, spec.edgeType),
        statement,
      ),
      statement,
    );
  };
  const read = (raw: unknown, tree: ResolveTree): Page<C> => {
    const page = RAW_PAGE.safeParse(raw);
    if (!page.success)
      throw new IntegrityError(
        `a prefetched page of ${spec.connectionType} does not have the expected shape`,
        page.error,
      );
    const items = nodeTree(tree, spec.connectionType, spec.edgeType);
    return {
      total: page.data.total,
      items: page.data.items.map((item) => materialize(spec.target(), item, items)),
    };
  };
  return {
    compile: (v, tree, statement) => compile(v, tree, statement),
    compileRoot: (tree, statement) => compile(null, tree, statement),
    read: (_parent, raw, tree) => read(raw, tree),
    readRoot: read,
  };
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
