import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { loadCitations } from '../citation/citation.resolver';
import { Citation } from '../citation/citation.type';
import { PageArgs } from '../common/args';
import { keyOf } from '../common/global-id';
import type { Connection } from '../common/pagination';
import { GovernanceModel } from '../model/model.type';
import { ObservationConnection, type Observation } from '../observation/observation.type';
import { Organization } from '../organization/organization.type';
import { Region } from '../region/region.type';
import type { Context } from '../server/context';
import { observationConnection, practiceConnection } from './practice.connections';
import { Practice, PracticeConnection, PracticeFilter, PracticeOrder } from './practice.type';

@Resolver(() => Practice)
export class PracticeResolver {
  @Query(() => Practice, { nullable: true, description: 'A practice by global id or key.' })
  practice(@Arg('id', () => String) id: string, @Ctx() ctx: Context): Promise<Practice | null> {
    return ctx.loaders.practice.load(keyOf('Practice', id));
  }

  @Query(() => PracticeConnection, { description: 'Practices by region (with subregions), model, principle, status, category and start date.' })
  practices(
    @Arg('filter', () => PracticeFilter, { nullable: true }) filter: PracticeFilter | null,
    @Arg('orderBy', () => PracticeOrder, { nullable: true }) orderBy: PracticeOrder | null,
    @Args() { first, after }: PageArgs,
    @Ctx() ctx: Context,
  ): Promise<Connection<Practice>> {
    return practiceConnection(ctx, filter, orderBy, first, after);
  }

  @FieldResolver(() => Region, { description: 'Where it runs (the most specific official unit named).' })
  async region(@Root() p: Practice, @Ctx() ctx: Context): Promise<Region> {
    const region = await ctx.loaders.region.load(p.regionCode);
    if (!region) throw new Error(`practice ${p.key} is in a region missing from the graph: ${p.regionCode}`);
    return region;
  }

  @FieldResolver(() => [GovernanceModel], { description: 'The models it implements.' })
  models(@Root() p: Practice, @Ctx() ctx: Context): Promise<GovernanceModel[]> {
    return ctx.loaders.modelsOfPractice.load(p.key);
  }

  @FieldResolver(() => [Organization], { description: 'Organisations involved.' })
  organizations(@Root() p: Practice, @Ctx() ctx: Context): Promise<Organization[]> {
    return ctx.loaders.organizationsOfPractice.load(p.key);
  }

  @FieldResolver(() => ObservationConnection, { description: 'Figures reported about it.' })
  observations(@Root() p: Practice, @Args() { first, after }: PageArgs, @Ctx() ctx: Context): Promise<Connection<Observation>> {
    return observationConnection(ctx, { practice: p.key }, null, first, after);
  }

  @FieldResolver(() => [Citation], { description: 'Quotes that describe it.' })
  citations(@Root() p: Practice, @Ctx() ctx: Context): Promise<Citation[]> {
    return loadCitations(ctx, p.citationIds);
  }
}
