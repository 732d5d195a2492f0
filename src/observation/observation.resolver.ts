import type DataLoader from 'dataloader';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Float, Info, Query, Resolver, Root } from 'type-graphql';
import { loadCitations } from '../citation/citation.loader';
import { Citation } from '../citation/citation.type';
import { PageArgs } from '../core/args';
import type { Context } from '../core/context';
import { keyOf } from '../core/global-id';
import { loadOne } from '../core/loader';
import { connectionOf } from '../core/pages';
import type { Connection } from '../core/pagination';
import { prefetchedOr } from '../core/plan';
import { prefetchOne, prefetchRoot } from '../core/prefetch';
import { asksFor } from '../core/selection';
import { indicatorByCode, unitByCode } from '../indicator/indicator.loader';
import { Indicator, Unit } from '../indicator/indicator.type';
import { practiceByKey } from '../practice/practice.loader';
import { Practice } from '../practice/practice.type';
import { regionByCode } from '../region/region.loader';
import { Region } from '../region/region.type';
import { observationByKey, observationLoaders, observationPageKey } from './observation.loader';
import { ObservationPlan, observationsRoot } from './observation.plan';
import {
  Observation,
  ObservationConnection,
  ObservationFilter,
  ObservationOrder,
} from './observation.type';

/** Loads what a figure refers to by key: the graph must hold it. */
const referred = <T>(
  loader: DataLoader<string, T | null, unknown>,
  key: string | null,
  what: string,
  o: Observation,
): Promise<T | null> => (key ? loadOne(loader, key, what, o.id) : Promise.resolve(null));

@Resolver(() => Observation)
export class ObservationResolver {
  @Query(() => Observation, { nullable: true, description: 'A figure by global id or key.' })
  async observation(
    @Arg('id', () => String) id: string,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Observation | null> {
    const key = keyOf('Observation', id);
    return prefetchOne(
      ctx,
      ObservationPlan,
      info,
      (x, s) => `MATCH (${x}:Observation {id: ${s.param(key)}})`,
      'observation',
    );
  }

  @Query(() => ObservationConnection, {
    description:
      'Figures by region (with subregions), indicator, practice, model, period and source kind.',
  })
  async observations(
    @Arg('filter', () => ObservationFilter, { nullable: true }) filter: ObservationFilter | null,
    @Arg('orderBy', () => ObservationOrder, { nullable: true }) orderBy: ObservationOrder | null,
    @Args() { first, after }: PageArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Connection<Observation>> {
    // The page and what is asked below it, in one statement.
    const page = await prefetchRoot(ctx, observationsRoot, info, 'observations');
    return connectionOf(
      page,
      observationLoaders(ctx).pages,
      observationPageKey(filter, orderBy, first, after, asksFor(info, 'totalCount')),
    );
  }

  @FieldResolver(() => Indicator, { description: 'What it measures.' })
  indicator(
    @Root() o: Observation,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Indicator> {
    return prefetchedOr(o, info, () =>
      loadOne(indicatorByCode(ctx), o.indicatorCode, 'Indicator', o.id),
    );
  }

  @FieldResolver(() => Unit, { description: 'The unit, with its names.' })
  unitInfo(@Root() o: Observation, @Ctx() ctx: Context): Promise<Unit> {
    return loadOne(unitByCode(ctx), o.unit, 'Unit', o.id);
  }

  @FieldResolver(() => Region, { description: 'The area it is reported for.' })
  region(
    @Root() o: Observation,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Region> {
    return prefetchedOr(o, info, () => loadOne(regionByCode(ctx), o.regionCode, 'Region', o.id));
  }

  @FieldResolver(() => Practice, {
    nullable: true,
    description: 'The practice it reports on, if any.',
  })
  practice(
    @Root() o: Observation,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Practice | null> {
    return prefetchedOr(o, info, () => referred(practiceByKey(ctx), o.practiceKey, 'Practice', o));
  }

  @FieldResolver(() => Observation, {
    nullable: true,
    description: 'For a rate: the count on top, as its own reported figure.',
  })
  numerator(@Root() o: Observation, @Ctx() ctx: Context): Promise<Observation | null> {
    return referred(observationByKey(ctx), o.numeratorKey, 'Observation', o);
  }

  @FieldResolver(() => Observation, {
    nullable: true,
    description: 'For a rate: the count below, as its own reported figure.',
  })
  denominator(@Root() o: Observation, @Ctx() ctx: Context): Promise<Observation | null> {
    return referred(observationByKey(ctx), o.denominatorKey, 'Observation', o);
  }

  @FieldResolver(() => Float, {
    nullable: true,
    description:
      'For a rate with both counts: numerator / denominator in percent, unrounded, beside the ' +
      'reported value.',
  })
  async computedRate(@Root() o: Observation, @Ctx() ctx: Context): Promise<number | null> {
    const [num, den] = await Promise.all([this.numerator(o, ctx), this.denominator(o, ctx)]);
    return num && den && den.value !== 0 ? (num.value / den.value) * 100 : null;
  }

  @FieldResolver(() => [Citation], { description: 'The quotes it is reported in.' })
  citations(
    @Root() o: Observation,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Citation[]> {
    return prefetchedOr(o, info, () => loadCitations(ctx, o.citationIds, o.id));
  }
}
