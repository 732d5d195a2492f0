import 'reflect-metadata';
import { type GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchema, type ClassType, type NonEmptyArray } from 'type-graphql';
import { authChecker } from '../auth/auth-checker';
import { MODULES } from '../modules';
import { simplifyDataFields } from './simple-fields';

let cached: Promise<GraphQLSchema> | undefined;

/**
 * Builds the type-graphql schema from the registered modules, once per process (it is costly
 * and immutable). Arguments are validated by their class-validator decorators; `@Authorized`
 * fields by `authChecker` (roles from the caller's API key). Plain data fields then read their
 * property directly (simple-fields.ts).
 */
export function getSchema(): Promise<GraphQLSchema> {
  const [first, ...rest] = MODULES.flatMap((m) => m.resolvers ?? []);
  if (!first) throw new Error('no resolvers registered');
  const resolvers: NonEmptyArray<ClassType> = [first, ...rest];
  cached ??= buildSchema({
    resolvers,
    orphanedTypes: MODULES.flatMap((m) => m.types ?? []),
    validate: true,
    authChecker,
  }).then((schema) => {
    simplifyDataFields(schema);
    return schema;
  });
  return cached;
}

export const SDL_HEADER =
  '# Generated from the code by `npm run schema:emit`; do not edit by hand.\n\n';

/** The SDL as committed in schema/schema.graphql: sorted, so diffs show only real changes. */
export async function printSdl(): Promise<string> {
  return SDL_HEADER + printSchema(lexicographicSortSchema(await getSchema())) + '\n';
}
