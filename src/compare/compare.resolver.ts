import { Args, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../core/context';
import { NotFoundError } from '../core/errors';
import { loadExisting } from '../core/loader';
import { indicatorByCode } from '../indicator/indicator.loader';
import { loadAdoptions, loadPrinciples, modelBySlug } from '../model/model.loader';
import { CompareArgs } from './compare.args';
import { figuresOfModelsQuery, practiceCountsQuery } from './compare.repository';
import { compareModels, indicatorCodes, type ComparedModel } from './compare.service';
import { ModelComparison } from './comparison.type';

@Resolver(() => ModelComparison)
export class CompareResolver {
  @Query(() => ModelComparison, { description: 'Two to ten models side by side: shared and distinct principles, adopters, practices, and figures per indicator with comparability notes.' })
  async compareModels(@Args() { slugs }: CompareArgs, @Ctx() ctx: Context): Promise<ModelComparison> {
    const unique = [...new Set(slugs)];
    const found = await modelBySlug(ctx).loadMany(unique);
    const models = found.map((m, i) => {
      if (m instanceof Error) throw m;
      if (!m) throw new NotFoundError('Model', unique[i]!);
      return m;
    });
    const [principles, adopters, counts, figures] = await Promise.all([
      Promise.all(unique.map((slug) => loadPrinciples(ctx, slug))),
      Promise.all(unique.map((slug) => loadAdoptions(ctx, slug))),
      ctx.executor.read(practiceCountsQuery(unique), 'compare-counts'),
      ctx.executor.read(figuresOfModelsQuery(unique), 'compare-figures'),
    ]);
    const compared = models.map((model, i): ComparedModel => ({
      model, principles: principles[i]!, adopters: adopters[i]!,
      practiceCount: counts.find((c) => c.slug === model.slug)?.n ?? 0,
      figures: figures.find((f) => f.slug === model.slug)?.figures ?? [],
    }));
    const indicators = await loadExisting(indicatorByCode(ctx), indicatorCodes(compared), 'Indicator', 'a compared figure');
    return compareModels(compared, new Map(indicators.map((i) => [i.code, i])));
  }
}
