import type { LocatedQuote } from './citations';
import type { SeedItem } from './fact.schema';
import { governingText } from './report-parts';

/**
 * The rule of when a figure holds: its period's form matches its kind, and its sentence states it
 * (seed/FORMAT.md).
 */

type Observation = SeedItem<'observations'>;
type Kind = Observation['time'];

/**
 * The period form each kind takes (ISO 8601): a year; an interval, month, quarter, half or day; a
 * date; `../date`; nothing.
 */
const SHAPE: Record<Kind, RegExp | null> = {
  YEAR: /^\d{4}$/,
  SPAN: /^(\d{4}(-\d{2}(-\d{2})?)?\/\d{4}(-\d{2}(-\d{2})?)?|\d{4}-\d{2}(-\d{2})?|\d{4}-(Q[1-4]|H[12]))$/,
  AS_OF: /^\d{4}-\d{2}(-\d{2})?$/,
  CUMULATIVE: /^\.\.\/\d{4}(-\d{2}(-\d{2})?)?$/,
  UNDATED: null,
};

/** What is wrong with a period for its kind of time, or undefined when it has the kind's form. */
export function periodShapeProblem(time: Kind, period: string | undefined): string | undefined {
  const shape = SHAPE[time];
  if (shape === null)
    return period === undefined
      ? undefined
      : `time UNDATED takes no period, but period is "${period}"`;
  if (period === undefined || !shape.test(period))
    return `time ${time} needs a period of the form ${shape.source}, not ${period === undefined ? 'none' : `"${period}"`}`;
  return undefined;
}

/** Words that say a figure is a running total (共有 …, 累计 …, … 以来). */
const CUMULATIVE_CUES = /累计|累积|共|总|先后|以来|至今|截至|截止|历年|已|进行了/;
/** Words that say a figure is a stock on a date (截至2020年底 …, 现有 …). */
const AS_OF_CUES = /截至|截止|底|末|现有|目前|已|将|共/;
/** Words that say a change is year on year. */
export const YEAR_ON_YEAR_CUES = /同比|比去年|较去年|比上年|较上年|去年同期|上年同期/;
/** Years counted back from the last (连续4年, 10年来, 3年连升): the first year follows from the last. */
const COUNTS_BACK = /连续(\d+)年|(\d+)年(?:来|连)/;
/** Words that place a figure in the year of the report's paragraph. */
const THIS_YEAR = /今年|全年|年内|本年|一年来|年度/;

/**
 * The clause of a quote that holds the reported words, between the punctuation around them (、
 * separates clauses too: 同比 before one item does not cover the next).
 */
export function clauseOf(quote: string, reported: string): string {
  const at = quote.indexOf(reported);
  if (at < 0) return '';
  const stops = /[,,。;;、::!!??]/;
  let from = at;
  while (from > 0 && !stops.test(quote[from - 1]!)) from -= 1;
  let to = at + reported.length;
  while (to < quote.length && !stops.test(quote[to]!)) to += 1;
  return quote.slice(from, to);
}

/**
 * The quote with the text that governs it before it: its part up to it and the lead of every part
 * it sits in (report-parts.ts), so a year stated in the title, a heading or a section's lead
 * sentence (2020年,五华区…) dates the figures under it.
 */
export function sectionUpTo(text: string, quote: LocatedQuote): string {
  return `${governingText(text, quote.index)}${quote.quote}`;
}

/** What the sentences do not support about an observation's time, as messages. */
export function timeFaults(
  ob: Pick<Observation, 'time' | 'period'>,
  quotes: readonly LocatedQuote[],
  texts: ReadonlyMap<string, string>,
  published: ReadonlyMap<string, string>,
): string[] {
  const contexts = quotes.map((q) => ({
    quote: q.quote,
    paragraph: sectionUpTo(texts.get(q.source) ?? '', q),
    published: published.get(q.source),
  }));
  const anyContext = (test: (c: (typeof contexts)[number]) => boolean) => contexts.some(test);
  const faults: string[] = [];
  const endsOn = (ob.period ?? '').split('/').map((end) => end.replace('..', ''));
  // A year is stated when the paragraph names it, or (for the year itself) says 今年/全年; a bound on
  // the report's date needs no words.
  const statesYear = (y: string, i: number) =>
    anyContext(
      (c) =>
        c.paragraph.includes(`${y}年`) ||
        new RegExp(`${y}\\s*[—–\\-~～至到]\\s*\\d{4}年`).test(c.paragraph) ||
        endsOn[i] === c.published ||
        (ob.time === 'YEAR' && THIS_YEAR.test(c.paragraph)),
    );
  const lastYear = Number(endsOn[endsOn.length - 1]!.slice(0, 4));
  const back = contexts.map((c) => COUNTS_BACK.exec(c.quote)).find((m) => m !== null);
  const countedBack = (y: string, i: number) =>
    i === 0 &&
    endsOn.length === 2 &&
    back != null &&
    statesYear(String(lastYear), 1) &&
    Number(y) === lastYear - Number(back[1] ?? back[2]) + 1;
  endsOn.forEach((end, i) => {
    const y = end.slice(0, 4);
    if (y.length === 4 && !statesYear(y, i) && !countedBack(y, i)) {
      faults.push(
        `period "${ob.period}" names ${y}, but neither its quote nor its section before it nor the headings over it state ${y}年 (an undated figure is UNDATED; a total up to the report is CUMULATIVE)`,
      );
    }
  });
  if (ob.time === 'CUMULATIVE' && !anyContext((c) => CUMULATIVE_CUES.test(c.quote)))
    faults.push('time CUMULATIVE, but no quote says 累计, 共, 以来 … (a running total)');
  if (
    ob.time === 'AS_OF' &&
    !anyContext((c) => AS_OF_CUES.test(c.paragraph) || endsOn[0] === c.published)
  )
    faults.push(
      "time AS_OF, but no quote says 截至, 现有, 目前 … and the date is not the report's",
    );
  return faults;
}
