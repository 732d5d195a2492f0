import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import { parseResolveInfo, type ResolveTree } from 'graphql-parse-resolve-info';
import { z } from 'zod';
import type { Context } from './context';
import type { Entity } from './entity';
import { IntegrityError } from './errors';

/**
 * One statement per operation: a root resolver compiles the selection it was asked for into one
 * Cypher statement (nested relations as COLLECT subqueries inside the map projection), then
 * decodes the answer and primes the request's loaders with every nested record. The field
 * resolvers below it run as always and find their loaders primed: no further round trip. A
 * relation a plan does not know, or cannot prefetch with the arguments given, is simply left to
 * its resolver and loader.
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
  /** The Cypher expression of this relation for the parent bound to `v`, or null to leave it to the resolver. */
  compile(v: string, tree: ResolveTree, statement: Statement): string | null;
  /** Decodes the relation's raw value and primes the request's loaders with it. */
  prime(ctx: Context, parent: P, raw: unknown, tree: ResolveTree): void;
}

/** How a GraphQL object type is fetched: its entity, and the relations that can come with it. */
export interface TypePlan<T extends object> {
  readonly typeName: string;
  readonly entity: Entity<T>;
  readonly relations: Readonly<Record<string, Relation<T>>>;
}

/** The selection of `tree` on a type: alias → subtree. */
export const selectionOf = (tree: ResolveTree | undefined, typeName: string): Readonly<Record<string, ResolveTree>> => tree?.fieldsByTypeName[typeName] ?? {};

/** The resolver's own field as a tree (fragments and variables resolved). */
export function treeOf(info: GraphQLResolveInfo): ResolveTree {
  const tree = parseResolveInfo(info);
  if (!tree || !('fieldsByTypeName' in tree)) throw new Error('the field selection could not be read');
  return tree as ResolveTree;
}

/** The map projection of `plan`'s node bound to `v`, with every selected relation it knows as `__alias`. */
export function project<T extends object>(plan: TypePlan<T>, v: string, tree: ResolveTree | undefined, statement: Statement): string {
  const base = plan.entity.projection(v);
  const entries: string[] = [];
  for (const [alias, sub] of Object.entries(selectionOf(tree, plan.typeName))) {
    const relation = plan.relations[sub.name];
    const expression = relation?.compile(v, sub, statement);
    if (expression) entries.push(`__${alias}: ${expression}`);
  }
  return entries.length === 0 ? base : `${base.slice(0, -1)}, ${entries.join(', ')}}`;
}

/** Decodes one raw node of `plan` and primes the loaders with what came with it. */
export function materialize<T extends object>(plan: TypePlan<T>, ctx: Context, raw: unknown, tree: ResolveTree | undefined): T {
  const decoded = plan.entity.decode.safeParse(raw);
  if (!decoded.success) throw new IntegrityError(`a prefetched ${plan.typeName} does not have the expected shape`, decoded.error);
  const record = decoded.data;
  const values = raw as Record<string, unknown>;
  for (const [alias, sub] of Object.entries(selectionOf(tree, plan.typeName))) {
    const key = `__${alias}`;
    if (key in values) plan.relations[sub.name]?.prime(ctx, record, values[key], sub);
  }
  return record;
}

const asList = (raw: unknown): unknown[] => (Array.isArray(raw) ? raw : []);

/** A relation to at most one node: `match` binds the child `x` from the parent `v`. */
export function one<P, C extends object>(target: () => TypePlan<C>, match: (v: string, x: string) => string, prime: (ctx: Context, parent: P, child: C | null) => void): Relation<P> {
  return {
    compile(v, tree, statement) {
      const x = statement.variable('one');
      return `COLLECT { ${match(v, x)} RETURN ${project(target(), x, tree, statement)} AS y LIMIT 1 }[0]`;
    },
    prime(ctx, parent, raw, tree) {
      prime(ctx, parent, raw ? materialize(target(), ctx, raw, tree) : null);
    },
  };
}

/** A relation to a list of nodes in a fixed order. */
export function many<P, C extends object>(
  target: () => TypePlan<C>,
  match: (v: string, x: string) => string,
  orderBy: (x: string) => string,
  prime: (ctx: Context, parent: P, children: C[]) => void,
): Relation<P> {
  return {
    compile(v, tree, statement) {
      const x = statement.variable('many');
      return `COLLECT { ${match(v, x)} WITH ${x} ORDER BY ${orderBy(x)} RETURN ${project(target(), x, tree, statement)} AS y }`;
    },
    prime(ctx, parent, raw, tree) {
      prime(ctx, parent, asList(raw).map((item) => materialize(target(), ctx, item, tree)));
    },
  };
}

/** Whether a field's selection asks for `name` directly (fragments included): cheap, for resolvers. */
export function asksFor(info: GraphQLResolveInfo, name: string): boolean {
  const visit = (set: SelectionSetNode | undefined): boolean =>
    !!set &&
    set.selections.some((s) =>
      s.kind === Kind.FIELD ? s.name.value === name : s.kind === Kind.INLINE_FRAGMENT ? visit(s.selectionSet) : visit(info.fragments[s.name.value]?.selectionSet),
    );
  return info.fieldNodes.some((n) => visit(n.selectionSet));
}

const ROOT_ROW = z.object({ n: z.unknown() });

/**
 * A root field's node and everything selected below it, in one statement; the loaders are primed
 * with all of it. `match` binds the root node to `x`, with its values as parameters.
 */
export async function prefetchOne<T extends object>(ctx: Context, plan: TypePlan<T>, info: GraphQLResolveInfo, match: (x: string, statement: Statement) => string, label: string): Promise<T | null> {
  const statement = new Statement();
  const x = statement.variable('root');
  const tree = treeOf(info);
  const cypher = `${match(x, statement)} RETURN ${project(plan, x, tree, statement)} AS n LIMIT 1`;
  const [row] = await ctx.executor.read({ cypher, params: statement.params, row: ROOT_ROW }, label);
  return row?.n ? materialize(plan, ctx, row.n, tree) : null;
}

const PAGE_ROW = z.object({ page: z.unknown() });

/** A root connection's page and everything selected below it, in one statement, primed into the loaders. */
export async function prefetchRoot(ctx: Context, relation: { compileRoot(tree: ResolveTree, statement: Statement): string | null; prime: Relation<null>['prime'] }, info: GraphQLResolveInfo, label: string): Promise<void> {
  const statement = new Statement();
  const tree = treeOf(info);
  const expression = relation.compileRoot(tree, statement);
  if (!expression) return;
  const [row] = await ctx.executor.read({ cypher: `RETURN ${expression} AS page`, params: statement.params, row: PAGE_ROW }, label);
  relation.prime(ctx, null, row?.page, tree);
}
