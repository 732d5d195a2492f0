import { IntegrityError } from './errors';
import { type Page, pageExpression, type PageKey, type PageShape, RAW_PAGE } from './pages';
import { MAX_FIRST } from './pagination';
import {
  materialize,
  project,
  type Relation,
  type ResolveTree,
  type Statement,
  type TypePlan,
} from './plan';
import { descend, selectionOf } from './selection';

/**
 * A connection field as a plan's relation: its page (and its items' own relations) compiled into
 * the parent's statement from the field's arguments and selection, then read back. pages.ts
 * builds and loads the pages themselves.
 */
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
  /**
   * The page key of the field's arguments (criteria from a parent come through `shape`); null to
   * leave the page to its resolver.
   */
  readonly key: (args: ConnectionArgs, count: boolean) => K | null;
  /** The page's MATCH for that key, with the parent bound to `v` (null at the root). */
  readonly shape: (key: K, statement: Statement, v: string | null) => PageShape;
}

export interface PageRelation<P, C> extends Relation<P> {
  compileRoot(tree: ResolveTree, statement: Statement): string | null;
  readRoot(raw: unknown, tree: ResolveTree): Page<C>;
}

/**
 * A connection field as a relation: the page and its items' own relations in the parent's
 * statement.
 */
export function pageRelation<P, K extends PageKey<unknown, object>, C extends object>(
  spec: PageRelationSpec<K, C>,
): PageRelation<P, C> {
  // Arguments are not validated yet when a parent compiles its children: out of bounds, the page is
  // left to its resolver, which refuses them.
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
