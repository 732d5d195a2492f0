import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, InputType, Query, Resolver, Root } from 'type-graphql';
import { checkRegionCode, PageArgs } from '../common/args';
import { toConnection, toPage, type Connection } from '../common/pagination';
import { GovernanceModel } from '../model/model.type';
import { ObservationConnection, ObservationFilter, ObservationOrder, type Observation } from '../observation/observation.type';
import { observationConnection, practiceConnection } from '../practice/practice.connections';
import { PracticeConnection, PracticeFilter, PracticeOrder, type Practice } from '../practice/practice.type';
import { withAncestors } from './gazetteer';
import { regionListQuery, toRegion } from './region.repository';
import { Region, RegionConnection, RegionLevel } from './region.type';
import type { Row } from '../db/executor';
import type { Context } from '../server/context';

@InputType({ description: 'Which regions to list.' })
class RegionFilter {
  @Field(() => String, { nullable: true, description: 'Only units below this code (e.g. 5301 for the units of Kunming).' })
  within?: string | null;

  @Field(() => RegionLevel, { nullable: true, description: 'Only regions at this level.' })
  level?: RegionLevel | null;

  @Field(() => Boolean, { nullable: true, description: 'Only ethnic autonomous units (or only others).' })
  autonomous?: boolean | null;
}

@ArgsType()
class SubregionArgs extends PageArgs {
  @Field({ defaultValue: false, description: 'Include every unit below this one (a county covers its townships and villages).' })
  includeSubregions!: boolean;
}

@Resolver(() => Region)
export class RegionResolver {
  @Query(() => Region, { nullable: true, description: 'A region by its official code, e.g. 530103 (盘龙区).' })
  region(@Arg('code', () => String) code: string, @Ctx() ctx: Context): Promise<Region | null> {
    return ctx.loaders.region.load(checkRegionCode(code, 'code'));
  }

  @Query(() => RegionConnection, { description: 'Regions by level, parent and autonomy, ordered by code.' })
  async regions(@Arg('filter', () => RegionFilter, { nullable: true }) filter: RegionFilter | null, @Args() { first, after }: PageArgs, @Ctx() ctx: Context): Promise<Connection<Region>> {
    const page = toPage(first, after);
    const within = filter?.within ? checkRegionCode(filter.within, 'within') : null;
    const [row] = await ctx.executor.read(regionListQuery({ ...filter, within }, page.skip, page.limit + 1), 'regions');
    return toConnection(((row?.items as Row[]) ?? []).map(toRegion), page, Number(row?.total ?? 0));
  }

  @FieldResolver(() => Region, { nullable: true, description: 'The unit it belongs to.' })
  parent(@Root() region: Region, @Ctx() ctx: Context): Promise<Region | null> {
    const parent = withAncestors(region.code)[1];
    return parent ? ctx.loaders.region.load(parent) : Promise.resolve(null);
  }

  @FieldResolver(() => [Region], { description: 'Every unit above it, province first.' })
  async ancestors(@Root() region: Region, @Ctx() ctx: Context): Promise<Region[]> {
    const found = await ctx.loaders.region.loadMany(withAncestors(region.code).slice(1).reverse());
    return found.filter((r): r is Region => r !== null && !(r instanceof Error));
  }

  @FieldResolver(() => RegionConnection, { description: 'The units directly below it, by code.' })
  async children(@Root() region: Region, @Args() { first, after }: PageArgs, @Ctx() ctx: Context): Promise<Connection<Region>> {
    const page = toPage(first, after);
    const result = await ctx.loaders.regionChildren.load({ code: region.code, skip: page.skip, limit: page.limit });
    return toConnection(result?.items ?? [], page, result?.total ?? 0);
  }

  @FieldResolver(() => PracticeConnection, { description: 'Practices here (and below, with includeSubregions).' })
  practices(
    @Root() region: Region,
    @Args() { includeSubregions, first, after }: SubregionArgs,
    @Arg('filter', () => PracticeFilter, { nullable: true, description: 'Further criteria; its region fields are ignored.' }) filter: PracticeFilter | null,
    @Arg('orderBy', () => PracticeOrder, { nullable: true }) orderBy: PracticeOrder | null,
    @Ctx() ctx: Context,
  ): Promise<Connection<Practice>> {
    return practiceConnection(ctx, { ...filter, regionCode: region.code, includeSubregions }, orderBy, first, after);
  }

  @FieldResolver(() => ObservationConnection, { description: 'Figures reported for this region (and below, with includeSubregions).' })
  observations(
    @Root() region: Region,
    @Args() { includeSubregions, first, after }: SubregionArgs,
    @Arg('filter', () => ObservationFilter, { nullable: true, description: 'Further criteria; its region fields are ignored.' }) filter: ObservationFilter | null,
    @Arg('orderBy', () => ObservationOrder, { nullable: true }) orderBy: ObservationOrder | null,
    @Ctx() ctx: Context,
  ): Promise<Connection<Observation>> {
    return observationConnection(ctx, { ...filter, regionCode: region.code, includeSubregions }, orderBy, first, after);
  }

  @FieldResolver(() => [GovernanceModel], { description: 'Models practised here (and below, by default).' })
  modelsAdopted(@Root() region: Region, @Arg('includeSubregions', { defaultValue: true }) includeSubregions: boolean, @Ctx() ctx: Context): Promise<GovernanceModel[]> {
    return ctx.loaders.modelsOfRegion.load({ code: region.code, includeSubregions });
  }
}
