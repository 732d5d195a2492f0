import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { SlugArgs } from '../core/args';
import type { Context } from '../core/context';
import { allOfQuery } from '../core/entity';
import { modelLoaders } from '../model/model.loader';
import { GovernanceModel } from '../model/model.type';
import { principleBySlug } from './principle.loader';
import { PrincipleEntity } from './principle.repository';
import { Principle } from './principle.type';

@Resolver(() => Principle)
export class PrincipleResolver {
  @Query(() => Principle, { nullable: true, description: 'A principle by slug, e.g. rule-of-law.' })
  principle(@Args() { slug }: SlugArgs, @Ctx() ctx: Context): Promise<Principle | null> {
    return principleBySlug(ctx).load(slug);
  }

  @Query(() => [Principle], { description: 'Every principle, by kind and slug (a short list).' })
  async principles(@Ctx() ctx: Context): Promise<Principle[]> {
    return (
      await ctx.executor.read(allOfQuery(PrincipleEntity, 'n.kind, n.slug'), 'principles')
    ).map((r) => r.n);
  }

  @FieldResolver(() => [GovernanceModel], { description: 'Models built on it.' })
  models(@Root() p: Principle, @Ctx() ctx: Context): Promise<GovernanceModel[]> {
    return modelLoaders(ctx).ofPrinciple.load(p.slug);
  }
}
