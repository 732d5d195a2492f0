import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from './context';
import {
  materialize,
  oneStatement,
  rootPageStatement,
  type RootRelation,
  type Statement,
  type TypePlan,
} from './plan';
import { treeOf } from './selection';

/**
 * Runs the statement plan.ts builds for a root field, once, and decodes its answer: the records
 * carry what was fetched below them, so the field resolvers below need no round trip.
 */

/**
 * A root field's node and everything selected below it, in one statement; the loaders are primed
 * with all of it. `match` binds the root node to `x`, with its values as parameters.
 */
export async function prefetchOne<T extends object>(
  ctx: Context,
  plan: TypePlan<T>,
  info: GraphQLResolveInfo,
  match: (x: string, statement: Statement) => string,
  label: string,
): Promise<T | null> {
  const tree = treeOf(info);
  const [row] = await ctx.executor.read(oneStatement(plan, tree, match), label);
  return row?.n ? materialize(plan, row.n, tree) : null;
}

/**
 * A root connection's page and everything selected below it, in one statement; null when it cannot
 * be compiled.
 */
export async function prefetchRoot<V>(
  ctx: Context,
  relation: RootRelation<V>,
  info: GraphQLResolveInfo,
  label: string,
): Promise<V | null> {
  const tree = treeOf(info);
  const query = rootPageStatement(relation, tree);
  if (!query) return null;
  const [row] = await ctx.executor.read(query, label);
  return relation.readRoot(row?.page, tree);
}
