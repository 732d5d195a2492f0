import type { GraphQLResolveInfo } from 'graphql';
import type { ResolveTree } from 'graphql-parse-resolve-info';
import { z } from 'zod';
import type { DecodedQuery } from './db/executor';
import type { Entity } from './entity';
import { IntegrityError } from './errors';
import { selectionOf } from './selection';

/**
 * One statement per operation: a root resolver compiles the selection it was asked for into one
 * Cypher statement (nested relations as COLLECT subqueries inside the map projection, each node
 * projected as far as the selection reads it), then decodes the answer once. Each nested value
 * rides on its parent record (`prefetched`), and the field resolvers below return it instead of
 * loading: no further round trip. A relation a plan does not know, or cannot prefetch with the
 * arguments given, is left to its resolver and loader.
 */
export type { ResolveTree };

/** Parameters and variable names of a statement being compiled: all values travel as parameters. */
export class Statement {
  readonly params: Record<string, unknown> = {};
  private count = 0;

  /** A parameter holding `value`, as `$pN`. */
  param(value: unknown): string {
    const name = `p${this.count++}`;
    this.params[name] = value;
    return `$${name}`;
  }

  /** A fresh Cypher variable name. */
  variable(prefix = 'v'): string {
    return `${prefix}_${this.count++}`;
  }
}

export interface Relation<P> {
  /**
   * The Cypher expression of this relation for the parent bound to `v`, or null to leave it to the
   * resolver.
   */
  compile(v: string, tree: ResolveTree, statement: Statement): string | null;
  /** Decodes the relation's raw value: what its field resolver will return. */
  read(parent: P, raw: unknown, tree: ResolveTree): unknown;
}

/** How a GraphQL object type is fetched: its entity, and the relations that can come with it. */
export interface TypePlan<T extends object> {
  readonly typeName: string;
  readonly entity: Entity<T>;
  readonly relations: Readonly<Record<string, Relation<T>>>;
}

/**
 * The map projection of `plan`'s node bound to `v`: what the selection reads, and every selected
 * relation it knows as `__alias`.
 */
export function project<T extends object>(
  plan: TypePlan<T>,
  v: string,
  tree: ResolveTree | undefined,
  statement: Statement,
): string {
  const selection = selectionOf(tree, plan.typeName);
  const entries: string[] = [];
  // A field all of whose selections come prefetched reads no key of its own from the node.
  const unfetched = new Set<string>();
  for (const [alias, sub] of Object.entries(selection)) {
    const expression = plan.relations[sub.name]?.compile(v, sub, statement);
    if (expression) entries.push(`__${alias}: ${expression}`);
    else unfetched.add(sub.name);
  }
  const base = plan.entity.projection(v, unfetched);
  return entries.length === 0 ? base : `${base.slice(0, -1)}, ${entries.join(', ')}}`;
}

/**
 * Prefetched relation values ride on the record they belong to, by the response key (alias) of
 * their field: records a selection projected only in part are never shared with other fields.
 */
const PREFETCHED = Symbol('prefetched');
type WithPrefetched = { [PREFETCHED]?: ReadonlyMap<string, unknown> };

/** Decodes one raw node of `plan` and what came with it. */
export function materialize<T extends object>(
  plan: TypePlan<T>,
  raw: unknown,
  tree: ResolveTree | undefined,
): T {
  const decoded = plan.entity.decode.safeParse(raw);
  if (!decoded.success)
    throw new IntegrityError(
      `a prefetched ${plan.typeName} does not have the expected shape`,
      decoded.error,
    );
  const record: T & WithPrefetched = decoded.data;
  const values = raw as Record<string, unknown>;
  const prefetched = new Map<string, unknown>();
  for (const [alias, sub] of Object.entries(selectionOf(tree, plan.typeName))) {
    const relation = plan.relations[sub.name];
    if (relation && `__${alias}` in values)
      prefetched.set(alias, relation.read(record, values[`__${alias}`], sub));
  }
  // Enumerable, so it survives type-graphql's copy of a root into its class; a symbol, so JSON
  // never shows it.
  if (prefetched.size > 0)
    Object.defineProperty(record, PREFETCHED, { value: prefetched, enumerable: true });
  return record;
}

/**
 * What the statement of a root field fetched for this field of `root`, if anything: the field's
 * resolver returns it instead of loading. Typed by the plan that fetched it (the relation of this
 * field on this type).
 */
export function prefetched<T>(root: object, info: GraphQLResolveInfo): T | undefined {
  const map = (root as WithPrefetched)[PREFETCHED];
  return map?.has(String(info.path.key)) ? (map.get(String(info.path.key)) as T) : undefined;
}

const asList = (raw: unknown): unknown[] => (Array.isArray(raw) ? raw : []);

/** A relation to at most one node: `match` binds the child `x` from the parent `v`. */
export function one<P, C extends object>(
  target: () => TypePlan<C>,
  match: (v: string, x: string) => string,
): Relation<P> {
  return {
    compile(v, tree, statement) {
      const x = statement.variable('one');
      return `COLLECT { ${match(v, x)} RETURN ${project(target(), x, tree, statement)} AS y LIMIT 1 }[0]`;
    },
    read: (_parent, raw, tree) => (raw ? materialize(target(), raw, tree) : null),
  };
}

/**
 * A relation to a list of nodes in a fixed order (`orderBy` may read what `match` binds besides
 * `x`).
 */
export function many<P, C extends object>(
  target: () => TypePlan<C>,
  match: (v: string, x: string) => string,
  orderBy: (x: string) => string,
): Relation<P> {
  return {
    compile(v, tree, statement) {
      const x = statement.variable('many');
      return `COLLECT { ${match(v, x)} WITH * ORDER BY ${orderBy(x)} RETURN ${project(target(), x, tree, statement)} AS y }`;
    },
    read: (_parent, raw, tree) => asList(raw).map((item) => materialize(target(), item, tree)),
  };
}

const ROOT_ROW = z.object({ n: z.unknown() });

/**
 * The statement of a root field's node and everything selected below it (prefetch.ts runs it):
 * `match` binds the root node to `x`, with its values as parameters.
 */
export function oneStatement<T extends object>(
  plan: TypePlan<T>,
  tree: ResolveTree,
  match: (x: string, statement: Statement) => string,
): DecodedQuery<z.output<typeof ROOT_ROW>> {
  const statement = new Statement();
  const x = statement.variable('root');
  const cypher = `${match(x, statement)} RETURN ${project(plan, x, tree, statement)} AS n LIMIT 1`;
  return { cypher, params: statement.params, row: ROOT_ROW };
}

/** A connection that can be the root of a statement (a pageRelation). */
export interface RootRelation<V> {
  compileRoot(tree: ResolveTree, statement: Statement): string | null;
  readRoot(raw: unknown, tree: ResolveTree): V;
}

const PAGE_ROW = z.object({ page: z.unknown() });

/**
 * The statement of a root connection's page and everything selected below it; null when it cannot
 * be compiled.
 */
export function rootPageStatement<V>(
  relation: RootRelation<V>,
  tree: ResolveTree,
): DecodedQuery<z.output<typeof PAGE_ROW>> | null {
  const statement = new Statement();
  const expression = relation.compileRoot(tree, statement);
  return expression
    ? { cypher: `RETURN ${expression} AS page`, params: statement.params, row: PAGE_ROW }
    : null;
}

/** What was prefetched for this field of `root`, or else what `load` loads. */
export function prefetchedOr<T>(
  root: object,
  info: GraphQLResolveInfo,
  load: () => Promise<T>,
): Promise<T> {
  const value = prefetched<T>(root, info);
  return value !== undefined ? Promise.resolve(value) : load();
}
