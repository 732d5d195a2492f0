import { agreesAtReportedPrecision } from '../../facts/figures';
import type { SentenceFigure } from './figures-extract';

/**
 * A rate stated with its counts (调处7281件,调处成功7279件,调处成功率为99.97%): the counts
 * before it in its sentence whose quotient gives the rate at the precision reported.
 * Only a pair that agrees is proposed, so a wrong pairing cannot pass as a discrepancy.
 */

export interface RatePair {
  /** Positions in the figure list. */
  readonly rate: number;
  readonly numerator: number;
  readonly denominator: number;
  readonly confidence: number;
  readonly reason: string;
}

const COUNT_UNITS = new Set([
  'case',
  'person',
  'person-time',
  'household',
  'item',
  'event',
  'organisation',
  'unit',
  'village',
  'township',
  'compound',
  'camera',
  'school',
]);

/** The rate's stem, to tell its numerator (调解成功率 → 成功; 撤诉率 → 撤诉). */
const stemOf = (label: string): string =>
  /([\u4e00-\u9fff]{2})率[为达是到]*$/.exec(label)?.[1] ?? '';

export function pairRates(figures: readonly SentenceFigure[]): RatePair[] {
  const out: RatePair[] = [];
  figures.forEach((rate, r) => {
    if (rate.unit !== 'percent' || rate.comparison || !/率/.test(rate.label)) return;
    const counts = figures
      .map((f, i) => ({ f, i }))
      .filter(
        ({ f, i }) =>
          i < r &&
          f.sentence === rate.sentence &&
          COUNT_UNITS.has(f.unit) &&
          f.qualifier === 'EXACT',
      )
      .reverse();
    const stem = stemOf(rate.label);
    for (const [n, num] of counts.entries()) {
      const den = counts
        .slice(n + 1)
        .find(
          ({ f }) =>
            f.unit === num.f.unit &&
            f.value > 0 &&
            (f.value > num.f.value || (f.value === num.f.value && rate.value === 100)) &&
            agreesAtReportedPrecision(rate.value, (num.f.value / f.value) * 100),
        );
      if (!den) continue;
      const named = stem !== '' && num.f.label.includes(stem);
      out.push({
        rate: r,
        numerator: num.i,
        denominator: den.i,
        confidence: named ? 0.85 : 0.65,
        reason: `${num.f.value}/${den.f.value} = ${((num.f.value / den.f.value) * 100).toFixed(2)}%, which agrees with the reported ${rate.value}%${named ? ` and the numerator's words hold “${stem}”` : ''}`,
      });
      return;
    }
  });
  return out;
}
