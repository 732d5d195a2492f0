import 'reflect-metadata';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { AboutResolver } from '../system/about.resolver';

/** Every resolver class of the API; a new module adds its resolvers here. */
const resolvers = [AboutResolver] as const;

let cached: Promise<GraphQLSchema> | undefined;

/** Builds the type-graphql schema once per process (it is costly and immutable). */
export function getSchema(): Promise<GraphQLSchema> {
  cached ??= buildSchema({ resolvers: [...resolvers], validate: false });
  return cached;
}

export const SDL_HEADER = '# Generated from the code by `npm run schema:emit`; do not edit by hand.\n\n';

/** The SDL as committed in schema/schema.graphql: sorted, so diffs show only real changes. */
export async function printSdl(): Promise<string> {
  return SDL_HEADER + printSchema(lexicographicSortSchema(await getSchema())) + '\n';
}
