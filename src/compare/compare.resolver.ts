import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { checkSlug } from '../common/args';
import type { Row } from '../db/executor';
import { BadInputError, NotFoundError } from '../errors/errors';
import type { Indicator } from '../indicator/indicator.type';
import { adoptionsOf, principlesOf } from '../model/model.resolver';
import type { ModelRecord } from '../model/model.repository';
import { toObservation } from '../observation/observation.repository';
import type { Principle } from '../principle/principle.type';
import type { Context } from '../server/context';
import { compareFigures } from './comparability';
import { figuresOfModelsQuery, practiceCountsQuery } from './compare.repository';
import type { ComparedFigure, IndicatorFigures, ModelComparison, ModelSide, PrincipleUse } from './comparison.type';
import { ModelComparison as ModelComparisonType } from './comparison.type';

const MAX_COMPARED = 10;

@Resolver(() => ModelComparisonType)
export class CompareResolver {
  @Query(() => ModelComparisonType, { description: 'Two to ten models side by side: shared and distinct principles, adopters, practices, and figures per indicator with comparability notes.' })
  async compareModels(@Arg('slugs', () => [String]) slugs: string[], @Ctx() ctx: Context): Promise<ModelComparison> {
    const unique = [...new Set(slugs.map((s) => checkSlug(s, 'slugs')))];
    if (unique.length < 2 || unique.length > MAX_COMPARED) throw new BadInputError(`compare between 2 and ${MAX_COMPARED} distinct models`, 'slugs');
    const found = await ctx.loaders.model.loadMany(unique);
    const list = found.map((m, i) => {
      if (!m || m instanceof Error) throw new NotFoundError('Model', unique[i]!);
      return m;
    });
    const [principleLists, adopterLists, counts, figureRows] = await Promise.all([
      Promise.all(list.map((m) => principlesOf(ctx, m.slug))),
      Promise.all(list.map((m) => adoptionsOf(ctx, m.slug))),
      ctx.executor.read(practiceCountsQuery(unique), 'compare-counts'),
      ctx.executor.read(figuresOfModelsQuery(unique), 'compare-figures'),
    ]);

    // Principles: shared by all, only one's, and the full matrix.
    const bySlug = new Map<string, Principle>();
    const users = new Map<string, ModelRecord[]>();
    list.forEach((m, i) => {
      for (const p of principleLists[i]!) {
        bySlug.set(p.slug, p);
        users.set(p.slug, [...(users.get(p.slug) ?? []), m]);
      }
    });
    const shared = [...bySlug.values()].filter((p) => users.get(p.slug)!.length === list.length);
    const count = new Map(counts.map((r) => [String(r.slug), Number(r.n)]));
    const perModel = list.map(
      (m, i) => ({
        model: m, principles: principleLists[i]!, onlyPrinciples: principleLists[i]!.filter((p) => users.get(p.slug)!.length === 1),
        adopters: adopterLists[i]!, practiceCount: count.get(m.slug) ?? 0,
      }) as ModelSide,
    );
    const matrix = [...bySlug.values()].sort((a, b) => a.slug.localeCompare(b.slug)).map((p) => ({ principle: p, models: users.get(p.slug)! }) as PrincipleUse);

    // Figures: grouped by indicator, each group judged for comparability.
    const groups = new Map<string, Array<{ model: ModelRecord; row: Row }>>();
    for (const r of figureRows) {
      const model = list.find((m) => m.slug === r.slug)!;
      for (const o of r.observations as Row[]) {
        const code = String(o.indicatorCode);
        groups.set(code, [...(groups.get(code) ?? []), { model, row: o }]);
      }
    }
    const indicators = await ctx.loaders.indicator.loadMany([...groups.keys()]);
    const figures = [...groups.entries()].map(([, entries], i) => {
      const verdict = compareFigures(
        entries.map(({ model, row }) => ({
          model: model.slug, unit: String(row.unit), period: String(row.period), sourceKind: String(row.sourceKind), scope: (row.scope as string) ?? null,
          qualifier: String(row.qualifier), denominatorIndicator: (row.denominatorIndicator as string) ?? null, regionLevel: String(row.regionLevel),
        })),
      );
      return {
        indicator: indicators[i] as Indicator,
        figures: entries.map(({ model, row }) => ({ model, observation: toObservation(row) }) as ComparedFigure),
        ...verdict,
      } as IndicatorFigures;
    });
    figures.sort((a, b) => Number(b.comparable) - Number(a.comparable) || a.indicator.code.localeCompare(b.indicator.code));
    return { models: list, sharedPrinciples: shared, perModel, principleMatrix: matrix, figures } as ModelComparison;
  }
}
