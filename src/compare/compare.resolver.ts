import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, Info, Query, Resolver } from 'type-graphql';
import type { Context } from '../core/context';
import { NotFoundError } from '../core/errors';
import { materialize, Statement } from '../core/plan';
import { descend, treeOf } from '../core/selection';
import { IndicatorPlan } from '../indicator/indicator.plan';
import { toAdoption } from '../model/model.loader';
import { ObservationPlan } from '../observation/observation.plan';
import { RegionPlan } from '../region/region.plan';
import { CompareArgs } from './compare.args';
import { comparisonQuery } from './compare.repository';
import { type ComparedModel, compareModels } from './compare.service';
import { comparisonNeeds } from './comparison-needs';
import { ModelComparison } from './comparison.type';

@Resolver(() => ModelComparison)
export class CompareResolver {
  @Query(() => ModelComparison, {
    description:
      'Two to ten models side by side: shared and distinct principles, adopters, practices, and ' +
      'figures per indicator with comparability notes.',
  })
  async compareModels(
    @Args() { slugs }: CompareArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ModelComparison> {
    const unique = [...new Set(slugs)];
    // Only what the operation selects is read, and observations, indicators and regions are
    // projected as asked below them.
    const tree = treeOf(info);
    const figures = ['ModelComparison', 'figures'] as const;
    const trees = {
      observation: descend(
        tree,
        figures,
        ['IndicatorFigures', 'figures'],
        ['ComparedFigure', 'observation'],
      ),
      indicator: descend(tree, figures, ['IndicatorFigures', 'indicator']),
      region: descend(
        tree,
        ['ModelComparison', 'perModel'],
        ['ModelSide', 'adopters'],
        ['Adoption', 'region'],
      ),
    };
    const rows = await ctx.executor.read(
      comparisonQuery(unique, trees, new Statement(), comparisonNeeds(tree)),
      'compare',
    );
    const bySlug = new Map(rows.map((r) => [r.key, r]));
    return compareModels(
      unique.map((slug): ComparedModel => {
        const r = bySlug.get(slug);
        if (!r) throw new NotFoundError('Model', slug);
        return {
          model: r.model,
          principles: r.components.map((c) => c.principle),
          adopters: r.adoptions.map((a) =>
            toAdoption(a, materialize(RegionPlan, a.region, trees.region)),
          ),
          practiceCount: r.practiceCount,
          figures: r.figures.map((f) => ({
            observation: materialize(ObservationPlan, f.observation, trees.observation),
            indicator: materialize(IndicatorPlan, f.indicator, trees.indicator),
            facts: f.facts,
          })),
        };
      }),
    );
  }
}
