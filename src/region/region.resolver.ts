import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import { PageArgs } from '../core/args';
import type { Context } from '../core/context';
import { missing } from '../core/errors';
import { connectionOf } from '../core/pages';
import { type Connection, toConnection, toPage } from '../core/pagination';
import { prefetched } from '../core/plan';
import { prefetchOne } from '../core/prefetch';
import { CODE_LENGTH, prefixOf } from '../core/region-codes';
import { asksFor } from '../core/selection';
import { modelLoaders } from '../model/model.loader';
import { GovernanceModel } from '../model/model.type';
import { observationLoaders, observationPageKey } from '../observation/observation.loader';
import {
  type Observation,
  ObservationConnection,
  ObservationFilter,
  ObservationOrder,
} from '../observation/observation.type';
import { practiceLoaders, practicePageKey } from '../practice/practice.loader';
import {
  type Practice,
  PracticeConnection,
  PracticeFilter,
  PracticeOrder,
} from '../practice/practice.type';
import { withAncestors } from './gazetteer';
import { RegionCodeArgs, RegionFilter, SubregionArgs } from './region.args';
import { regionByCode, regionLoaders } from './region.loader';
import { RegionPlan } from './region.plan';
import { regionListQuery } from './region.repository';
import { CountyLevelZone, Region, RegionConnection } from './region.type';

@Resolver(() => Region)
export class RegionResolver {
  @Query(() => Region, {
    nullable: true,
    description: 'A region by its official code, e.g. 530103 (盘龙区).',
  })
  async region(
    @Args() { code }: RegionCodeArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Region | null> {
    // The region and what is asked below it, in one statement; the loaders are primed with it.
    return prefetchOne(
      ctx,
      RegionPlan,
      info,
      (x, s) => `MATCH (${x}:Region {code: ${s.param(code)}})`,
      'region',
    );
  }

  @Query(() => RegionConnection, {
    description: 'Regions by level, parent and autonomy, ordered by code.',
  })
  async regions(
    @Arg('filter', () => RegionFilter, { nullable: true }) filter: RegionFilter | null,
    @Args() { first, after }: PageArgs,
    @Ctx() ctx: Context,
  ): Promise<Connection<Region>> {
    const page = toPage(first, after);
    const [row] = await ctx.executor.read(
      regionListQuery({ ...filter }, page.skip, page.limit + 1),
      'regions',
    );
    return toConnection(row?.items ?? [], page, row?.total ?? 0);
  }

  @FieldResolver(() => Region, { nullable: true, description: 'The unit it belongs to.' })
  parent(
    @Root() region: Region,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Region | null> {
    const pre = prefetched<Region | null>(region, info);
    if (pre !== undefined) return Promise.resolve(pre);
    const parent = withAncestors(region.code)[1];
    return parent ? regionByCode(ctx).load(parent) : Promise.resolve(null);
  }

  @FieldResolver(() => Region, {
    nullable: true,
    description:
      'The county-level unit it belongs to: itself for a county or a county-level zone; the ' +
      'zone or county above a township or village; null above county level.',
  })
  countyLevelUnit(@Root() region: Region, @Ctx() ctx: Context): Promise<Region | null> {
    if (region.code.length < CODE_LENGTH.COUNTY) return Promise.resolve(null);
    return regionByCode(ctx).load(region.zoneCode ?? prefixOf(region.code, 'COUNTY'));
  }

  @FieldResolver(() => [Region], {
    description:
      'The zones administered at county level that this county hosts (their facts are not this ' +
      "county's).",
  })
  hostedZones(@Root() region: Region, @Ctx() ctx: Context): Promise<Region[]> {
    return region.level === 'COUNTY'
      ? regionLoaders(ctx).hostedZones.load(region.code)
      : Promise.resolve([]);
  }

  @FieldResolver(() => [Region], { description: 'Every unit above it, province first.' })
  async ancestors(@Root() region: Region, @Ctx() ctx: Context): Promise<Region[]> {
    const found = await regionByCode(ctx).loadMany(withAncestors(region.code).slice(1).reverse());
    // A code prefix with no region is skipped; a failed load is not "no ancestor" (answering []
    // while Neo4j is down).
    const failed = found.find((r) => r instanceof Error);
    if (failed) throw failed;
    return found.filter((r): r is Region => r !== null && !(r instanceof Error));
  }

  @FieldResolver(() => RegionConnection, { description: 'The units directly below it, by code.' })
  async children(
    @Root() region: Region,
    @Args() { first, after }: PageArgs,
    @Ctx() ctx: Context,
  ): Promise<Connection<Region>> {
    const page = toPage(first, after);
    const result = await regionLoaders(ctx).children.load({
      code: region.code,
      skip: page.skip,
      limit: page.limit,
    });
    return toConnection(result?.items ?? [], page, result?.total ?? 0);
  }

  @FieldResolver(() => PracticeConnection, {
    description: 'Practices here (and below, with includeSubregions).',
  })
  practices(
    @Root() region: Region,
    @Args() { includeSubregions, first, after }: SubregionArgs,
    @Arg('filter', () => PracticeFilter, {
      nullable: true,
      description: 'Further criteria; its region fields are ignored.',
    })
    filter: PracticeFilter | null,
    @Arg('orderBy', () => PracticeOrder, { nullable: true }) orderBy: PracticeOrder | null,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Connection<Practice>> {
    const key = practicePageKey(
      { ...filter, regionCode: region.code, includeSubregions },
      orderBy,
      first,
      after,
      asksFor(info, 'totalCount'),
    );
    return connectionOf(prefetched(region, info), practiceLoaders(ctx).pages, key);
  }

  @FieldResolver(() => ObservationConnection, {
    description: 'Figures reported for this region (and below, with includeSubregions).',
  })
  observations(
    @Root() region: Region,
    @Args() { includeSubregions, first, after }: SubregionArgs,
    @Arg('filter', () => ObservationFilter, {
      nullable: true,
      description: 'Further criteria; its region fields are ignored.',
    })
    filter: ObservationFilter | null,
    @Arg('orderBy', () => ObservationOrder, { nullable: true }) orderBy: ObservationOrder | null,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Connection<Observation>> {
    const key = observationPageKey(
      { ...filter, regionCode: region.code, includeSubregions },
      orderBy,
      first,
      after,
      asksFor(info, 'totalCount'),
    );
    return connectionOf(prefetched(region, info), observationLoaders(ctx).pages, key);
  }

  @FieldResolver(() => [GovernanceModel], {
    description: 'Models practised here (and below, by default).',
  })
  modelsAdopted(
    @Root() region: Region,
    @Arg('includeSubregions', { defaultValue: true }) includeSubregions: boolean,
    @Ctx() ctx: Context,
  ): Promise<GovernanceModel[]> {
    return modelLoaders(ctx).ofRegion.load({ code: region.code, includeSubregions });
  }
}

@Resolver(() => CountyLevelZone)
export class CountyLevelZoneResolver {
  @FieldResolver(() => Region, { description: 'The county the gazetteer places it under.' })
  async host(@Root() zone: CountyLevelZone, @Ctx() ctx: Context): Promise<Region> {
    const host = await regionByCode(ctx).load(zone.hostCode);
    if (!host) throw missing('Region', zone.hostCode, 'a county-level zone');
    return host;
  }
}
