import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import { PageArgs } from '../core/args';
import type { Context } from '../core/context';
import { allOfQuery } from '../core/entity';
import { loadOne } from '../core/loader';
import type { Connection } from '../core/pagination';
import { asksFor } from '../core/selection';
import { observationConnection, observationPageKey } from '../observation/observation.loader';
import { type Observation, ObservationConnection } from '../observation/observation.type';
import { indicatorByCode, unitByCode } from './indicator.loader';
import { IndicatorEntity } from './indicator.repository';
import { Indicator, Unit } from './indicator.type';

@Resolver(() => Indicator)
export class IndicatorResolver {
  @Query(() => Indicator, {
    nullable: true,
    description: 'An indicator by code, e.g. mediation_success_rate.',
  })
  indicator(
    @Arg('code', () => String) code: string,
    @Ctx() ctx: Context,
  ): Promise<Indicator | null> {
    return indicatorByCode(ctx).load(code);
  }

  @Query(() => [Indicator], { description: 'Every indicator, by code.' })
  async indicators(@Ctx() ctx: Context): Promise<Indicator[]> {
    return (await ctx.executor.read(allOfQuery(IndicatorEntity, 'n.code'), 'indicators')).map(
      (r) => r.n,
    );
  }

  @FieldResolver(() => Unit, { description: 'Its unit.' })
  unit(@Root() i: Indicator, @Ctx() ctx: Context): Promise<Unit> {
    return loadOne(unitByCode(ctx), i.unitCode, 'Unit', i.id);
  }

  @FieldResolver(() => ObservationConnection, { description: 'Figures measuring it.' })
  observations(
    @Root() i: Indicator,
    @Args() { first, after }: PageArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Connection<Observation>> {
    return observationConnection(
      ctx,
      observationPageKey({ indicator: i.code }, null, first, after, asksFor(info, 'totalCount')),
    );
  }
}
