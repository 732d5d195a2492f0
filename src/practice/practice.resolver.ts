import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import { loadCitations } from '../citation/citation.loader';
import { Citation } from '../citation/citation.type';
import { PageArgs } from '../core/args';
import type { Context } from '../core/context';
import { keyOf } from '../core/global-id';
import { loadOne } from '../core/loader';
import { connectionOf } from '../core/pages';
import type { Connection } from '../core/pagination';
import { prefetched, prefetchedOr } from '../core/plan';
import { prefetchOne, prefetchRoot } from '../core/prefetch';
import { asksFor } from '../core/selection';
import { modelLoaders } from '../model/model.loader';
import { GovernanceModel } from '../model/model.type';
import { observationLoaders, observationPageKey } from '../observation/observation.loader';
import { type Observation, ObservationConnection } from '../observation/observation.type';
import { organizationLoaders } from '../organization/organization.loader';
import { Organization } from '../organization/organization.type';
import { regionByCode } from '../region/region.loader';
import { Region } from '../region/region.type';
import { practiceLoaders, practicePageKey } from './practice.loader';
import { PracticePlan, practicesRoot } from './practice.plan';
import { Practice, PracticeConnection, PracticeFilter, PracticeOrder } from './practice.type';

@Resolver(() => Practice)
export class PracticeResolver {
  @Query(() => Practice, { nullable: true, description: 'A practice by global id or key.' })
  async practice(
    @Arg('id', () => String) id: string,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Practice | null> {
    const key = keyOf('Practice', id);
    return prefetchOne(
      ctx,
      PracticePlan,
      info,
      (x, s) => `MATCH (${x}:Practice {id: ${s.param(key)}})`,
      'practice',
    );
  }

  @Query(() => PracticeConnection, {
    description:
      'Practices by region (with subregions), model, principle, status, category and start date.',
  })
  async practices(
    @Arg('filter', () => PracticeFilter, { nullable: true }) filter: PracticeFilter | null,
    @Arg('orderBy', () => PracticeOrder, { nullable: true }) orderBy: PracticeOrder | null,
    @Args() { first, after }: PageArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Connection<Practice>> {
    // The page and what is asked below it, in one statement.
    const page = await prefetchRoot(ctx, practicesRoot, info, 'practices');
    return connectionOf(
      page,
      practiceLoaders(ctx).pages,
      practicePageKey(filter, orderBy, first, after, asksFor(info, 'totalCount')),
    );
  }

  @FieldResolver(() => Region, {
    description: 'Where it runs (the most specific official unit named).',
  })
  region(
    @Root() p: Practice,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Region> {
    return prefetchedOr(p, info, () => loadOne(regionByCode(ctx), p.regionCode, 'Region', p.id));
  }

  @FieldResolver(() => [GovernanceModel], { description: 'The models it implements.' })
  models(
    @Root() p: Practice,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<GovernanceModel[]> {
    return prefetchedOr(p, info, () => modelLoaders(ctx).ofPractice.load(p.key));
  }

  @FieldResolver(() => [Organization], { description: 'Organisations involved.' })
  organizations(@Root() p: Practice, @Ctx() ctx: Context): Promise<Organization[]> {
    return organizationLoaders(ctx).ofPractice.load(p.key);
  }

  @FieldResolver(() => ObservationConnection, { description: 'Figures reported about it.' })
  observations(
    @Root() p: Practice,
    @Args() { first, after }: PageArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Connection<Observation>> {
    return connectionOf(
      prefetched(p, info),
      observationLoaders(ctx).pages,
      observationPageKey({ practice: p.key }, null, first, after, asksFor(info, 'totalCount')),
    );
  }

  @FieldResolver(() => [Citation], { description: 'Quotes that describe it.' })
  citations(
    @Root() p: Practice,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Citation[]> {
    return prefetchedOr(p, info, () => loadCitations(ctx, p.citationIds, p.id));
  }
}
