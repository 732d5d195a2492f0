import { type GraphQLSchema, isObjectType } from 'graphql';
import { getMetadataStorage } from 'type-graphql';

type Target = abstract new (...args: never[]) => unknown;

/** A class and the classes it extends: where the fields of a GraphQL object type are declared. */
function lineage(target: Target): Set<unknown> {
  const chain = new Set<unknown>();
  for (let t: unknown = target; typeof t === 'function' && t !== Function.prototype;) {
    chain.add(t);
    t = Object.getPrototypeOf(t);
  }
  return chain;
}

/**
 * Gives the plain data fields of a built schema graphql-js's default resolver, as type-graphql's
 * own `simple` fields have: its wrapper, made for middlewares and `@Authorized`, cost a call and
 * two objects per field of every answer (a 50-figure page reads about 600). A field keeps the
 * wrapper when it has roles or middlewares, a resolver method (a `@FieldResolver` or a method of
 * its class), or a GraphQL name other than its property's (the default resolver reads the
 * GraphQL name). Run once, after buildSchema; returns how many fields it simplified.
 */
export function simplifyDataFields(schema: GraphQLSchema): number {
  const storage = getMetadataStorage();
  let simplified = 0;
  for (const meta of storage.objectTypes) {
    const type = schema.getType(meta.name);
    if (!isObjectType(type)) continue;
    const chain = lineage(meta.target as Target);
    const declared = storage.fields.filter((f) => chain.has(f.target));
    const withMethods = new Set(
      storage.fieldResolvers.filter((r) => chain.has(r.getObjectType?.())).map((r) => r.methodName),
    );
    for (const [name, field] of Object.entries(type.getFields())) {
      const own = declared.filter((f) => f.schemaName === name);
      const plain =
        own.length > 0 &&
        own.every(
          (f) =>
            f.name === name &&
            !f.roles &&
            (f.middlewares?.length ?? 0) === 0 &&
            !withMethods.has(f.name),
        );
      if (plain && field.resolve) {
        field.resolve = undefined;
        simplified += 1;
      }
    }
  }
  return simplified;
}
