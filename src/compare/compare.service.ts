import type { Qualifier, RegionLevel, SourceKind } from '../core/vocabulary';
import type { Indicator } from '../indicator/indicator.type';
import type { Adoption, GovernanceModel } from '../model/model.type';
import type { Observation } from '../observation/observation.type';
import type { Principle } from '../principle/principle.type';
import { compareFigures } from './comparability';
import type { IndicatorFigures, ModelComparison, ModelSide, PrincipleUse } from './comparison.type';

/** A figure, its indicator and, when a verdict is asked for, the facts comparability judges. */
export interface FigureRow {
  readonly observation: Observation;
  readonly indicator: Indicator;
  readonly facts: FigureFactsRow | null;
}

/** What comparability needs to know about a figure beyond the observation. */
export interface FigureFactsRow {
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
 * Figures grouped by indicator (figures of different indicators are never compared), by indicator
 * code; each group judged when its figures came with their facts (the operation asked for the
 * verdict), else marked not judged: `comparable` false, no notes, neither of which is read.
 */
function compareIndicators(models: readonly ComparedModel[]): IndicatorFigures[] {
  const groups = new Map<string, Array<{ model: GovernanceModel; row: FigureRow }>>();
  for (const m of models)
    for (const row of m.figures) {
      const code = row.indicator.code;
      groups.set(code, [...(groups.get(code) ?? []), { model: m.model, row }]);
    }
  const figures = [...groups.values()].map((entries): IndicatorFigures => {
    const facts = entries.flatMap(({ model, row }) =>
      row.facts ? [{ ...row.facts, model: model.slug }] : [],
    );
    const verdict =
      facts.length === entries.length ? compareFigures(facts) : { comparable: false, notes: [] };
    return {
      indicator: entries[0]!.row.indicator,
      figures: entries.map(({ model, row }) => ({ model, observation: row.observation })),
      ...verdict,
    };
  });
  return figures.sort((a, b) => a.indicator.code.localeCompare(b.indicator.code));
}

/** Models side by side: pure, from what the resolver loaded. */
export function compareModels(models: readonly ComparedModel[]): ModelComparison {
  return {
    models: models.map((m) => m.model),
    ...comparePrinciples(models),
    figures: compareIndicators(models),
  };
}
