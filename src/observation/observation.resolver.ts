import { Arg, Args, Ctx, FieldResolver, Float, Query, Resolver, Root } from 'type-graphql';
import { loadCitations } from '../citation/citation.resolver';
import { Citation } from '../citation/citation.type';
import { PageArgs } from '../common/args';
import { keyOf } from '../common/global-id';
import type { Connection } from '../common/pagination';
import { Indicator, Unit } from '../indicator/indicator.type';
import { observationConnection } from '../practice/practice.connections';
import { Practice } from '../practice/practice.type';
import { Region } from '../region/region.type';
import type { Context } from '../server/context';
import { Observation, ObservationConnection, ObservationFilter, ObservationOrder } from './observation.type';

const missing = (what: string, key: string): never => {
  throw new Error(`observation refers to a missing ${what}: ${key}`);
};

@Resolver(() => Observation)
export class ObservationResolver {
  @Query(() => Observation, { nullable: true, description: 'A figure by global id or key.' })
  observation(@Arg('id', () => String) id: string, @Ctx() ctx: Context): Promise<Observation | null> {
    return ctx.loaders.observation.load(keyOf('Observation', id));
  }

  @Query(() => ObservationConnection, { description: 'Figures by region (with subregions), indicator, practice, model, period and source kind.' })
  observations(
    @Arg('filter', () => ObservationFilter, { nullable: true }) filter: ObservationFilter | null,
    @Arg('orderBy', () => ObservationOrder, { nullable: true }) orderBy: ObservationOrder | null,
    @Args() { first, after }: PageArgs,
    @Ctx() ctx: Context,
  ): Promise<Connection<Observation>> {
    return observationConnection(ctx, filter, orderBy, first, after);
  }

  @FieldResolver(() => Indicator, { description: 'What it measures.' })
  async indicator(@Root() o: Observation, @Ctx() ctx: Context): Promise<Indicator> {
    return (await ctx.loaders.indicator.load(o.indicatorCode)) ?? missing('indicator', o.indicatorCode);
  }

  @FieldResolver(() => Unit, { description: 'The unit, with its names.' })
  async unitInfo(@Root() o: Observation, @Ctx() ctx: Context): Promise<Unit> {
    return (await ctx.loaders.unit.load(o.unit)) ?? missing('unit', o.unit);
  }

  @FieldResolver(() => Region, { description: 'The area it is reported for.' })
  async region(@Root() o: Observation, @Ctx() ctx: Context): Promise<Region> {
    return (await ctx.loaders.region.load(o.regionCode)) ?? missing('region', o.regionCode);
  }

  @FieldResolver(() => Practice, { nullable: true, description: 'The practice it reports on, if any.' })
  practice(@Root() o: Observation, @Ctx() ctx: Context): Promise<Practice | null> {
    return o.practiceKey ? ctx.loaders.practice.load(o.practiceKey) : Promise.resolve(null);
  }

  @FieldResolver(() => Observation, { nullable: true, description: 'For a rate: the count on top, as its own reported figure.' })
  numerator(@Root() o: Observation, @Ctx() ctx: Context): Promise<Observation | null> {
    return o.numeratorKey ? ctx.loaders.observation.load(o.numeratorKey) : Promise.resolve(null);
  }

  @FieldResolver(() => Observation, { nullable: true, description: 'For a rate: the count below, as its own reported figure.' })
  denominator(@Root() o: Observation, @Ctx() ctx: Context): Promise<Observation | null> {
    return o.denominatorKey ? ctx.loaders.observation.load(o.denominatorKey) : Promise.resolve(null);
  }

  @FieldResolver(() => Float, { nullable: true, description: 'For a rate with both counts: numerator / denominator in percent, unrounded, beside the reported value.' })
  async computedRate(@Root() o: Observation, @Ctx() ctx: Context): Promise<number | null> {
    if (!o.numeratorKey || !o.denominatorKey) return null;
    const [num, den] = await Promise.all([ctx.loaders.observation.load(o.numeratorKey), ctx.loaders.observation.load(o.denominatorKey)]);
    return num && den && den.value !== 0 ? (num.value / den.value) * 100 : null;
  }

  @FieldResolver(() => [Citation], { description: 'The quotes it is reported in.' })
  citations(@Root() o: Observation, @Ctx() ctx: Context): Promise<Citation[]> {
    return loadCitations(ctx, o.citationIds);
  }
}
