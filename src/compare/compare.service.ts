import { missing } from '../core/errors';
import type { Qualifier, RegionLevel, SourceKind } from '../core/vocabulary';
import type { Indicator } from '../indicator/indicator.type';
import type { Adoption, GovernanceModel } from '../model/model.type';
import type { Observation } from '../observation/observation.type';
import type { Principle } from '../principle/principle.type';
import { compareFigures } from './comparability';
import type { IndicatorFigures, ModelComparison, ModelSide, PrincipleUse } from './comparison.type';

/** A figure with what comparability needs to know beyond the observation. */
export interface FigureRow {
  readonly observation: Observation;
  readonly indicatorCode: string;
  readonly unit: string;
  readonly periodKind: string;
  readonly period: string | null;
  readonly sourceKind: SourceKind;
  readonly scope: string | null;
  readonly qualifier: Qualifier;
  readonly regionLevel: RegionLevel;
  readonly denominatorIndicator: string | null;
}

/** What a comparison is made of, per model in the order asked. */
export interface ComparedModel {
  readonly model: GovernanceModel;
  readonly principles: readonly Principle[];
  readonly adopters: readonly Adoption[];
  readonly practiceCount: number;
  readonly figures: readonly FigureRow[];
}

/** Principles every model has, the matrix of who uses what, and each model's own side. */
function comparePrinciples(
  models: readonly ComparedModel[],
): Pick<ModelComparison, 'sharedPrinciples' | 'perModel' | 'principleMatrix'> {
  const bySlug = new Map<string, Principle>();
  const users = new Map<string, GovernanceModel[]>();
  for (const m of models) {
    for (const p of m.principles) {
      bySlug.set(p.slug, p);
      users.set(p.slug, [...(users.get(p.slug) ?? []), m.model]);
    }
  }
  const usedBy = (p: Principle) => users.get(p.slug)?.length ?? 0;
  const perModel = models.map((m): ModelSide => ({
    model: m.model,
    principles: [...m.principles],
    onlyPrinciples: m.principles.filter((p) => usedBy(p) === 1),
    adopters: [...m.adopters],
    practiceCount: m.practiceCount,
  }));
  const principleMatrix = [...bySlug.values()]
    .sort((a, b) => a.slug.localeCompare(b.slug))
    .map((p): PrincipleUse => ({ principle: p, models: users.get(p.slug) ?? [] }));
  return {
    sharedPrinciples: [...bySlug.values()].filter((p) => usedBy(p) === models.length),
    perModel,
    principleMatrix,
  };
}

/**
 * Figures grouped by indicator (figures of different indicators are never compared), each group
 * judged; comparable groups first.
 */
function compareIndicators(
  models: readonly ComparedModel[],
  indicators: ReadonlyMap<string, Indicator>,
): IndicatorFigures[] {
  const groups = new Map<string, Array<{ model: GovernanceModel; row: FigureRow }>>();
  for (const m of models) {
    for (const row of m.figures)
      groups.set(row.indicatorCode, [
        ...(groups.get(row.indicatorCode) ?? []),
        { model: m.model, row },
      ]);
  }
  const figures = [...groups.entries()].map(([code, entries]): IndicatorFigures => {
    const indicator = indicators.get(code);
    if (!indicator) throw missing('Indicator', code, 'a compared figure');
    const verdict = compareFigures(
      entries.map(
        ({
          model,
          row: {
            unit,
            periodKind,
            period,
            sourceKind,
            scope,
            qualifier,
            regionLevel,
            denominatorIndicator,
          },
        }) => ({
          model: model.slug,
          unit,
          periodKind,
          period,
          sourceKind,
          scope,
          qualifier,
          denominatorIndicator,
          regionLevel,
        }),
      ),
    );
    return {
      indicator,
      figures: entries.map(({ model, row }) => ({ model, observation: row.observation })),
      ...verdict,
    };
  });
  return figures.sort(
    (a, b) =>
      Number(b.comparable) - Number(a.comparable) ||
      a.indicator.code.localeCompare(b.indicator.code),
  );
}

/** Models side by side: pure, from what the resolver loaded. */
export function compareModels(
  models: readonly ComparedModel[],
  indicators: ReadonlyMap<string, Indicator>,
): ModelComparison {
  return {
    models: models.map((m) => m.model),
    ...comparePrinciples(models),
    figures: compareIndicators(models, indicators),
  };
}

/** Indicator codes the figures measure, for the resolver to load. */
export const indicatorCodes = (models: readonly ComparedModel[]): string[] => [
  ...new Set(models.flatMap((m) => m.figures.map((f) => f.indicatorCode))),
];
