import { type GraphQLResolveInfo, Kind, type SelectionSetNode } from 'graphql';
import { parseResolveInfo, type ResolveTree } from 'graphql-parse-resolve-info';

/** Reading what a resolver was asked for: its field's selection as a tree, and paths through it. */

/** The selection of `tree` on a type: alias → subtree. */
export const selectionOf = (
  tree: ResolveTree | undefined,
  typeName: string,
): Readonly<Record<string, ResolveTree>> => tree?.fieldsByTypeName[typeName] ?? {};

/**
 * The subtree reached through (type, field) steps, e.g. a connection's `edges` then `node`; several
 * selections of a step (aliases, fragments) merge into one. Undefined when the path is not
 * selected.
 */
export function descend(
  tree: ResolveTree | undefined,
  ...path: ReadonlyArray<readonly [string, string]>
): ResolveTree | undefined {
  let level: ResolveTree[] = tree ? [tree] : [];
  for (const [typeName, field] of path)
    level = level.flatMap((t) =>
      Object.values(selectionOf(t, typeName)).filter((f) => f.name === field),
    );
  if (level.length === 0) return undefined;
  const fieldsByTypeName: ResolveTree['fieldsByTypeName'] = {};
  for (const n of level)
    for (const [type, fields] of Object.entries(n.fieldsByTypeName))
      fieldsByTypeName[type] = { ...fieldsByTypeName[type], ...fields };
  return { ...level[0]!, fieldsByTypeName };
}

/** The resolver's own field as a tree (fragments and variables resolved). */
export function treeOf(info: GraphQLResolveInfo): ResolveTree {
  const tree = parseResolveInfo(info);
  if (!tree || !('fieldsByTypeName' in tree))
    throw new Error('the field selection could not be read');
  return tree as ResolveTree;
}

/**
 * Whether a field's selection asks for `name` directly (fragments included): cheap, for resolvers.
 */
export function asksFor(info: GraphQLResolveInfo, name: string): boolean {
  const visit = (set: SelectionSetNode | undefined): boolean =>
    !!set &&
    set.selections.some((s) =>
      s.kind === Kind.FIELD
        ? s.name.value === name
        : s.kind === Kind.INLINE_FRAGMENT
          ? visit(s.selectionSet)
          : visit(info.fragments[s.name.value]?.selectionSet),
    );
  return info.fieldNodes.some((n) => visit(n.selectionSet));
}
