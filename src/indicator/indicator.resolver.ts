import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { PageArgs } from '../common/args';
import type { Connection } from '../common/pagination';
import type { Row } from '../db/executor';
import { ObservationConnection, type Observation } from '../observation/observation.type';
import { observationConnection } from '../practice/practice.connections';
import type { Context } from '../server/context';
import { allIndicatorsQuery, toIndicator } from './indicator.repository';
import { Indicator, Unit } from './indicator.type';

@Resolver(() => Indicator)
export class IndicatorResolver {
  @Query(() => Indicator, { nullable: true, description: 'An indicator by code, e.g. mediation_success_rate.' })
  indicator(@Arg('code', () => String) code: string, @Ctx() ctx: Context): Promise<Indicator | null> {
    return ctx.loaders.indicator.load(code);
  }

  @Query(() => [Indicator], { description: 'Every indicator, by code.' })
  async indicators(@Ctx() ctx: Context): Promise<Indicator[]> {
    return (await ctx.executor.read(allIndicatorsQuery(), 'indicators')).map((r) => toIndicator(r.i as Row));
  }

  @FieldResolver(() => Unit, { description: 'Its unit.' })
  async unit(@Root() i: Indicator, @Ctx() ctx: Context): Promise<Unit> {
    const unit = await ctx.loaders.unit.load(i.unitCode);
    if (!unit) throw new Error(`indicator ${i.code} has a missing unit ${i.unitCode}`);
    return unit;
  }

  @FieldResolver(() => ObservationConnection, { description: 'Figures measuring it.' })
  observations(@Root() i: Indicator, @Args() { first, after }: PageArgs, @Ctx() ctx: Context): Promise<Connection<Observation>> {
    return observationConnection(ctx, { indicator: i.code }, null, first, after);
  }
}
