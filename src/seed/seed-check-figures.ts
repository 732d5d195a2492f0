import {
  DEFAULT_SOURCE,
  type LocatedQuote,
  locateQuote,
  locateReported,
  occurrences,
} from '../facts/citations';
import type { SeedItem } from '../facts/fact.schema';
import { agreesAtReportedPrecision, numberTokens } from '../facts/figures';
import { CHINESE_NUMERAL, fixedExpressionSpans } from '../facts/numerals';
import type { SeedCheck, SeedKeys } from './seed-check-structure';
import { checkDiscrepancy } from './seed-check-time';
import type { Located } from './seed-files';

/**
 * The checks of figures: each is quoted, stated once, and agrees with its counts; every number in a
 * source is accounted for.
 */

/**
 * Observations: references, the reported words inside a quote (once), rates against their counts.
 * Returns the reported spans per source.
 */
export function checkObservations(
  check: SeedCheck,
  keys: SeedKeys,
): Map<string, Array<[number, number]>> {
  const spans = new Map<string, Located<unknown>>();
  const covered = new Map<string, Array<[number, number]>>();
  for (const o of check.bundle.observations) {
    const ob = o.item;
    check.cite(o, ob, '', 'quote');
    check.ref(o, keys.indicators, ob.indicator, 'indicator', '.indicator');
    check.ref(o, keys.units, ob.unit, 'unit', '.unit');
    const indicator = keys.indicators.get(ob.indicator);
    if (indicator && indicator.unit !== ob.unit)
      check.fail(
        o,
        `unit "${ob.unit}" differs from indicator ${ob.indicator}'s unit "${indicator.unit}"`,
        '.unit',
      );
    check.ref(o, keys.practices, ob.practice, 'practice', '.practice');
    check.ref(o, keys.observations, ob.numerator, 'observation', '.numerator');
    check.ref(o, keys.observations, ob.denominator, 'observation', '.denominator');
    const span = reportedSpan(check, o);
    if (span) {
      const key = `${span.source}:${span.from}:${ob.reported.length}`;
      const twin = spans.get(key);
      if (twin)
        check.fail(
          o,
          `reports the same words at the same place as ${twin.path} (${twin.file}): a figure is listed twice`,
          '.reported',
        );
      else spans.set(key, o);
      covered.set(span.source, [
        ...(covered.get(span.source) ?? []),
        [span.from, span.from + ob.reported.length],
      ]);
    }
    checkRate(check, o, keys.observations);
  }
  return covered;
}

/**
 * Where the reported words sit inside one of the figure's quotes, or a problem when they do not.
 */
function reportedSpan(
  check: SeedCheck,
  o: Located<SeedItem<'observations'>>,
): { source: string; from: number } | undefined {
  const ob = o.item;
  const quotes = (ob.citations ?? [])
    .map((c) => locateQuote(c, check.texts))
    .filter((q): q is LocatedQuote => typeof q !== 'string');
  const inQuote = quotes.find((q) => q.quote.includes(ob.reported));
  const from = inQuote
    ? locateReported(inQuote, ob.reported, ob.reportedOccurrence)
    : `reported words "${ob.reported}" are not inside any of its quotes`;
  if (typeof from === 'string' || !inQuote) {
    check.fail(o, String(from), '.reported');
    return undefined;
  }
  return { source: inQuote.source, from };
}

/**
 * A rate given with its counts must agree with them at the precision reported, or declare the
 * discrepancy.
 */
function checkRate(
  check: SeedCheck,
  o: Located<SeedItem<'observations'>>,
  observations: ReadonlyMap<string, SeedItem<'observations'>>,
): void {
  const ob = o.item;
  const num = ob.numerator ? observations.get(ob.numerator) : undefined;
  const den = ob.denominator ? observations.get(ob.denominator) : undefined;
  if (!num || !den || den.value === 0 || ob.unit !== 'percent') {
    checkDiscrepancy(check, o, null, true);
    return;
  }
  check.ratesChecked += 1;
  const computed = (num.value / den.value) * 100;
  checkDiscrepancy(check, o, computed, agreesAtReportedPrecision(ob.value, computed));
}

/**
 * Every number in a source is a reported figure or excused as a non-figure; returns how many are
 * covered.
 */
export function checkCoverage(
  check: SeedCheck,
  covered: ReadonlyMap<string, Array<[number, number]>>,
): number {
  let numbersCovered = 0;
  for (const [sourceId, text] of check.texts) {
    const nonFigures = [
      ...excusedSpans(check, sourceId, text),
      ...fixedExpressionSpans(text, namesWithNumerals(check)),
    ];
    const spansHere = covered.get(sourceId) ?? [];
    for (const token of numberTokens(text)) {
      const inside = (r: [number, number]) =>
        token.index >= r[0] && token.index + token.text.length <= r[1];
      if (spansHere.some(inside) || nonFigures.some(inside)) numbersCovered += 1;
      else {
        const context = text
          .slice(Math.max(0, token.index - 12), token.index + token.text.length + 8)
          .replace(/\s+/g, ' ');
        check.problems.push({
          file: `seed/sources/${sourceId}`,
          path: `offset ${token.index}`,
          message: `number ${token.text} is neither a reported figure nor a listed non-figure: "…${context}…"`,
        });
      }
    }
  }
  return numbersCovered;
}

/**
 * Names of regions, models, principles and organisations that hold a numeral (五华区, 一核五治七维): their
 * numerals count nothing.
 */
function namesWithNumerals(check: SeedCheck): string[] {
  const b = check.bundle;
  const names = [
    ...b.regions.flatMap((r) => [r.item.name, ...(r.item.aliases ?? [])]),
    ...b.models.flatMap((m) => [m.item.name, ...(m.item.aliases ?? [])]),
    ...b.principles.map((p) => p.item.name),
    ...b.organizations.map((o) => o.item.name),
  ];
  return [...new Set(names.filter((n) => new RegExp(CHINESE_NUMERAL.source).test(n)))];
}

/** Where the listed non-figures of a source sit (a missing one is a problem). */
function excusedSpans(check: SeedCheck, sourceId: string, text: string): Array<[number, number]> {
  const excused: Array<[number, number]> = [];
  for (const nf of check.bundle.nonFigures) {
    if ((nf.item.source ?? DEFAULT_SOURCE) !== sourceId) continue;
    const found = occurrences(text, nf.item.text);
    if (found.length === 0) check.fail(nf, `"${nf.item.text}" is not in ${sourceId}`, '.text');
    const chosen = nf.item.occurrence
      ? [found[nf.item.occurrence - 1]].filter((x): x is number => x !== undefined)
      : found;
    for (const i of chosen) excused.push([i, i + nf.item.text.length]);
  }
  return excused;
}
