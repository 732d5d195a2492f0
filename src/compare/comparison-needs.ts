import type { ResolveTree } from '../core/plan';
import { selectionOf } from '../core/selection';

/** What of a comparison an operation reads: the statement fetches and the service computes no more. */
export interface ComparisonNeeds {
  /** Each model's principles: shared, per model, only-mine, the matrix. */
  readonly principles: boolean;
  readonly adopters: boolean;
  readonly practiceCount: boolean;
  readonly figures: boolean;
  /** Whether figures are judged comparable (the facts it takes: unit, period, area level …). */
  readonly verdict: boolean;
}

const names = (tree: ResolveTree | undefined, type: string): Set<string> =>
  new Set(Object.values(selectionOf(tree, type)).map((f) => f.name));

/** The fields selected below `field` (every alias of it) on `type`. */
const below = (tree: ResolveTree | undefined, field: string, type: string): Set<string> =>
  new Set(
    Object.values(selectionOf(tree, 'ModelComparison'))
      .filter((f) => f.name === field)
      .flatMap((f) => [...names(f, type)]),
  );

/** What the `compareModels` selection `tree` reads. */
export function comparisonNeeds(tree: ResolveTree | undefined): ComparisonNeeds {
  const top = names(tree, 'ModelComparison');
  const side = below(tree, 'perModel', 'ModelSide');
  const figures = below(tree, 'figures', 'IndicatorFigures');
  return {
    principles:
      top.has('sharedPrinciples') ||
      top.has('principleMatrix') ||
      side.has('principles') ||
      side.has('onlyPrinciples'),
    adopters: side.has('adopters'),
    practiceCount: side.has('practiceCount'),
    figures: top.has('figures'),
    verdict: figures.has('comparable') || figures.has('notes'),
  };
}
