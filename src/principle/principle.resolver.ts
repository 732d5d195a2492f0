import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { checkSlug } from '../common/args';
import { GovernanceModel } from '../model/model.type';
import type { Context } from '../server/context';
import { allPrinciplesQuery, toPrinciple } from './principle.repository';
import { Principle } from './principle.type';
import type { Row } from '../db/executor';

@Resolver(() => Principle)
export class PrincipleResolver {
  @Query(() => Principle, { nullable: true, description: 'A principle by slug, e.g. rule-of-law.' })
  principle(@Arg('slug', () => String) slug: string, @Ctx() ctx: Context): Promise<Principle | null> {
    return ctx.loaders.principle.load(checkSlug(slug));
  }

  @Query(() => [Principle], { description: 'Every principle, by kind and slug (a short list).' })
  async principles(@Ctx() ctx: Context): Promise<Principle[]> {
    return (await ctx.executor.read(allPrinciplesQuery(), 'principles')).map((r) => toPrinciple(r.p as Row));
  }

  @FieldResolver(() => [GovernanceModel], { description: 'Models built on it.' })
  models(@Root() p: Principle, @Ctx() ctx: Context): Promise<GovernanceModel[]> {
    return ctx.loaders.modelsOfPrinciple.load(p.slug);
  }
}
