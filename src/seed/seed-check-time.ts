import { type LocatedQuote, locateQuote } from '../facts/citations';
import type { SeedItem } from '../facts/fact.schema';
import { clauseOf, periodShapeProblem, timeFaults, YEAR_ON_YEAR_CUES } from '../facts/time.rules';
import type { SeedCheck } from './seed-check-structure';
import type { Located } from './seed-files';

/**
 * The seed's checks of when a figure holds (the rule: src/facts/time.rules.ts), and of declared
 * discrepancies.
 */

type Observation = SeedItem<'observations'>;

/**
 * Every observation's time: the kind's form, the year or dates stated, the cues of running totals,
 * stocks and year-on-year changes.
 */
export function checkTimes(check: SeedCheck): void {
  const published = new Map(
    check.bundle.sources.map((s) => [s.item.id, s.item.published.slice(0, 10)]),
  );
  for (const o of check.bundle.observations) {
    const ob = o.item;
    const shapeProblem = periodShapeProblem(ob.time, ob.period);
    if (shapeProblem) {
      check.fail(o, shapeProblem, '.period');
      continue;
    }
    const quotes = (ob.citations ?? [])
      .map((c) => locateQuote(c, check.texts))
      .filter((q): q is LocatedQuote => typeof q !== 'string');
    if (quotes.length === 0) continue;
    for (const message of timeFaults(ob, quotes, check.texts, published))
      check.fail(o, message, '.time');
    if (
      ob.comparison?.kind === 'YEAR_ON_YEAR' &&
      !quotes.some((q) => YEAR_ON_YEAR_CUES.test(clauseOf(q.quote, ob.reported)))
    ) {
      check.fail(
        o,
        `comparison YEAR_ON_YEAR, but the clause of "${ob.reported}" does not say 同比 (or 比去年, 较上年 …)`,
        '.comparison',
      );
    }
  }
}

/**
 * A discrepancy is declared exactly where a rate differs from its counts at the reported precision,
 * with the rate the counts give.
 */
export function checkDiscrepancy(
  check: SeedCheck,
  o: Located<Observation>,
  computed: number | null,
  agrees: boolean,
): void {
  const declared = o.item.discrepancy;
  if (computed === null) {
    if (declared)
      check.fail(
        o,
        'declares a discrepancy, but has no numerator and denominator to compute the rate from',
        '.discrepancy',
      );
    return;
  }
  if (!agrees && !declared)
    check.fail(
      o,
      `reported rate ${o.item.value}% differs from its counts' ${computed.toFixed(2)}% at the reported precision: declare discrepancy { computed, note }`,
      '.discrepancy',
    );
  if (agrees && declared)
    check.fail(
      o,
      `declares a discrepancy, but the counts give ${computed.toFixed(2)}%, which agrees at the reported precision`,
      '.discrepancy',
    );
  if (declared && Math.abs(declared.computed - computed) >= 0.01)
    check.fail(
      o,
      `discrepancy.computed ${declared.computed} is not the counts' ${computed.toFixed(2)}`,
      '.discrepancy.computed',
    );
}
