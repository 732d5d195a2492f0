import 'reflect-metadata';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { Source } from '../citation/citation.type';
import { CitationResolver, ProvenanceResolver } from '../citation/citation.resolver';
import { CompareResolver } from '../compare/compare.resolver';
import { IndicatorResolver } from '../indicator/indicator.resolver';
import { LineageResolver } from '../lineage/lineage.resolver';
import { AdoptionResolver, ModelResolver } from '../model/model.resolver';
import { NodeResolver } from '../node/node.resolver';
import { ObservationResolver } from '../observation/observation.resolver';
import { OrganizationResolver, PersonResolver, PositionResolver } from '../organization/organization.resolver';
import { Organization, Person } from '../organization/organization.type';
import { PilotsResolver } from '../pilots/pilots.resolver';
import { PracticeResolver } from '../practice/practice.resolver';
import { PrincipleResolver } from '../principle/principle.resolver';
import { RegionResolver } from '../region/region.resolver';
import { SearchResolver } from '../search/search.resolver';
import { AboutResolver } from '../system/about.resolver';

/** Every resolver class of the API; a new module adds its resolvers here. */
const resolvers = [
  AboutResolver, NodeResolver, RegionResolver, ModelResolver, AdoptionResolver, PrincipleResolver, PracticeResolver, ObservationResolver,
  IndicatorResolver, CitationResolver, ProvenanceResolver, OrganizationResolver, PersonResolver, PositionResolver,
  SearchResolver, LineageResolver, CompareResolver, PilotsResolver,
] as const;

let cached: Promise<GraphQLSchema> | undefined;

/** Builds the type-graphql schema once per process (it is costly and immutable). */
export function getSchema(): Promise<GraphQLSchema> {
  // Source, Organization and Person are reachable only through `node`: list them as orphans.
  cached ??= buildSchema({ resolvers: [...resolvers], orphanedTypes: [Source, Organization, Person], validate: false });
  return cached;
}

export const SDL_HEADER = '# Generated from the code by `npm run schema:emit`; do not edit by hand.\n\n';

/** The SDL as committed in schema/schema.graphql: sorted, so diffs show only real changes. */
export async function printSdl(): Promise<string> {
  return SDL_HEADER + printSchema(lexicographicSortSchema(await getSchema())) + '\n';
}
