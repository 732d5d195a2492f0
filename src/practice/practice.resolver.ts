import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { loadCitations } from '../citation/citation.loader';
import { Citation } from '../citation/citation.type';
import type { Context } from '../core/context';
import { keyOf } from '../core/global-id';
import { loadOne } from '../core/loader';
import { PageArgs } from '../core/args';
import type { Connection } from '../core/pagination';
import { modelLoaders } from '../model/model.loader';
import { GovernanceModel } from '../model/model.type';
import { observationConnection } from '../observation/observation.loader';
import { ObservationConnection, type Observation } from '../observation/observation.type';
import { organizationLoaders } from '../organization/organization.loader';
import { Organization } from '../organization/organization.type';
import { regionByCode } from '../region/region.loader';
import { Region } from '../region/region.type';
import { practiceConnection, practiceByKey } from './practice.loader';
import { Practice, PracticeConnection, PracticeFilter, PracticeOrder } from './practice.type';

@Resolver(() => Practice)
export class PracticeResolver {
  @Query(() => Practice, { nullable: true, description: 'A practice by global id or key.' })
  practice(@Arg('id', () => String) id: string, @Ctx() ctx: Context): Promise<Practice | null> {
    return practiceByKey(ctx).load(keyOf('Practice', id));
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
  region(@Root() p: Practice, @Ctx() ctx: Context): Promise<Region> {
    return loadOne(regionByCode(ctx), p.regionCode, 'Region', p.id);
  }

  @FieldResolver(() => [GovernanceModel], { description: 'The models it implements.' })
  models(@Root() p: Practice, @Ctx() ctx: Context): Promise<GovernanceModel[]> {
    return modelLoaders(ctx).ofPractice.load(p.key);
  }

  @FieldResolver(() => [Organization], { description: 'Organisations involved.' })
  organizations(@Root() p: Practice, @Ctx() ctx: Context): Promise<Organization[]> {
    return organizationLoaders(ctx).ofPractice.load(p.key);
  }

  @FieldResolver(() => ObservationConnection, { description: 'Figures reported about it.' })
  observations(@Root() p: Practice, @Args() { first, after }: PageArgs, @Ctx() ctx: Context): Promise<Connection<Observation>> {
    return observationConnection(ctx, { practice: p.key }, null, first, after);
  }

  @FieldResolver(() => [Citation], { description: 'Quotes that describe it.' })
  citations(@Root() p: Practice, @Ctx() ctx: Context): Promise<Citation[]> {
    return loadCitations(ctx, p.citationIds, p.id);
  }
}
