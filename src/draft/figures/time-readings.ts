import type { LocatedQuote } from '../../facts/citations';
import type { Section, Sentence, TimeProposal } from '../draft-shapes';

/**
 * When a figure holds, as its sentence and section may say: a day, a month, a quarter or half, a
 * stock at a date, a running total, a run of years, a year; most specific first. Which of them
 * is proposed is decided in time-proposals.ts.
 */

export interface TimeInput {
  readonly text: string;
  readonly sourceId: string;
  /** The report's date, YYYY-MM-DD. */
  readonly published: string;
  readonly sentence: Sentence;
  readonly section: Section;
  /** UTF-16 end of the figure's words in the source. */
  readonly figureEnd: number;
  readonly unit: string;
  readonly quote: LocatedQuote;
}

const pad = (n: string | number): string => String(n).padStart(2, '0');
const CUMULATIVE = /累计|累积|先后|以来|至今/;
const TOTAL = /共|总/;
const STOCK = /截至目前|截止目前|目前|现有|现已|如今|已建成|已实现/;
/** A year that is the base of a comparison (较2019年上升), not the figure's time. */
const isBaseYear = (s: string, at: number, length: number): boolean =>
  /[较比于]$/.test(s.slice(0, at)) || /^(上升|下降|同期|相比)/.test(s.slice(at + length));

function yearsIn(s: string): Array<{ year: string; at: number }> {
  return [...s.matchAll(/(\d{4})年(?!\d)/g)]
    .filter((m) => !isBaseYear(s, m.index!, m[0].length))
    .map((m) => ({ year: m[1]!, at: m.index! }));
}

/**
 * What the readings are read from: the sentence up to the figure, the whole sentence, and the years
 * they name.
 */
interface Reading {
  readonly upTo: string;
  readonly full: string;
  readonly published: string;
  /** The year the sentence names for the figure, else the section's lead year. */
  readonly year?: string;
  readonly sectionYear?: string;
  /** A count, not a rate, rank or change: a year-end or 目前 dates counts only. */
  readonly stockLike: boolean;
  /** 累计, 共, 以来 …: a running total rather than a stock. */
  readonly running: boolean;
}

/** The readings of a figure's time, most specific first. */
export function timeReadings(input: TimeInput): TimeProposal[] {
  const full = input.sentence.text;
  const upTo = full.slice(0, input.figureEnd - input.sentence.index);
  const years = yearsIn(full);
  const r: Reading = {
    upTo,
    full,
    published: input.published,
    year: [...years].reverse().find((y) => y.at < upTo.length)?.year ?? years[0]?.year,
    sectionYear: yearsIn(input.text.slice(input.section.start, input.sentence.index))[0]?.year,
    stockLike: !['percent', 'percentage-point', 'rank', 'rank-change'].includes(input.unit),
    running: CUMULATIVE.test(upTo) || TOTAL.test(upTo),
  };
  const yearOrSection = r.year ?? r.sectionYear;
  return [
    ...dayOrMonth(r),
    ...partsOfYear(upTo, yearOrSection),
    ...yearEnd(r),
    ...runOfYears(full, input.unit, yearOrSection),
    ...atReport(r),
    ...yearsNamed(r),
  ];
}

/** A day (2020年3月5日), or a month (2020年3月), or a span from a month to the report (2020年3月以来). */
function dayOrMonth({ upTo, full, published }: Reading): TimeProposal[] {
  const out: TimeProposal[] = [];
  const day = [...upTo.matchAll(/(\d{4})年(\d{1,2})月(\d{1,2})日/g)].pop();
  if (day)
    out.push({
      time: 'SPAN',
      period: `${day[1]}-${pad(day[2]!)}-${pad(day[3]!)}`,
      confidence: 0.7,
      reason: `the sentence dates it to a day: ${day[0]}`,
    });
  const month = [...upTo.matchAll(/(\d{4})年(\d{1,2})月(?!\d{0,2}日)/g)].pop();
  if (!month) return out;
  const start = `${month[1]}-${pad(month[2]!)}`;
  out.push(
    /以来|截至目前|截止目前|至今|目前/.test(full)
      ? {
          time: 'SPAN',
          period: `${start}/${published}`,
          confidence: 0.6,
          reason: `from ${month[0]} to the report (以来/截至目前)`,
        }
      : {
          time: 'SPAN',
          period: start,
          confidence: 0.7,
          reason: `the sentence names the month: ${month[0]}`,
        },
  );
  return out;
}

/** A count at a year's end (截至2020年底): a stock then, or a total up to then. */
function yearEnd({ upTo, stockLike, running }: Reading): TimeProposal[] {
  const end = /截[至止](\d{4})年(底|末)/.exec(upTo);
  if (!end || !stockLike) return [];
  const date = `${end[1]}-12-31`;
  return [
    running
      ? {
          time: 'CUMULATIVE',
          period: `../${date}`,
          confidence: 0.65,
          reason: `a total up to ${end[0]}`,
        }
      : { time: 'AS_OF', period: date, confidence: 0.7, reason: `a stock at ${end[0]}` },
  ];
}

/** A count with no year, said to hold now (目前, 累计 …): at the report's date. */
function atReport({ upTo, year, stockLike, running, published }: Reading): TimeProposal[] {
  if (year || !stockLike || !(STOCK.test(upTo) || CUMULATIVE.test(upTo))) return [];
  return [
    running
      ? {
          time: 'CUMULATIVE',
          period: `../${published}`,
          confidence: 0.55,
          reason: 'a running total up to the report (累计, 共, 以来 …) with no start stated',
        }
      : {
          time: 'AS_OF',
          period: published,
          confidence: 0.55,
          reason: "a stock at the report's date (目前, 现有 …)",
        },
  ];
}

/** A calendar year: named in the sentence, else 今年/全年, 去年, or the section's lead year. */
function yearsNamed({ full, year, sectionYear, published }: Reading): TimeProposal[] {
  if (year)
    return [
      {
        time: 'YEAR',
        period: year,
        confidence: 0.8,
        reason: `the sentence names the year ${year}年`,
      },
    ];
  const out: TimeProposal[] = [];
  if (/今年|全年|年度|本年|一年来/.test(full)) {
    const thisYear = sectionYear ?? published.slice(0, 4);
    out.push({
      time: 'YEAR',
      period: thisYear,
      confidence: 0.6,
      reason: `the sentence says 今年/全年 and its section's year is ${thisYear}`,
    });
  }
  if (/去年/.test(full))
    out.push({
      time: 'YEAR',
      period: String(Number(published.slice(0, 4)) - 1),
      confidence: 0.5,
      reason: '去年: the year before the report',
    });
  if (sectionYear)
    out.push({
      time: 'YEAR',
      period: sectionYear,
      confidence: 0.55,
      reason: `the section's lead dates its figures: ${sectionYear}年`,
    });
  return out;
}

/** Quarters and halves: 前三季度, 上半年, 第二季度. */
function partsOfYear(upTo: string, year?: string): TimeProposal[] {
  if (!year) return [];
  if (/前三季度/.test(upTo))
    return [
      {
        time: 'SPAN',
        period: `${year}-01/${year}-09`,
        confidence: 0.7,
        reason: `the first three quarters of ${year}`,
      },
    ];
  const half = /(上|下)半年/.exec(upTo);
  if (half)
    return [
      {
        time: 'SPAN',
        period: `${year}-H${half[1] === '上' ? 1 : 2}`,
        confidence: 0.7,
        reason: `the ${half[1] === '上' ? 'first' : 'second'} half of ${year}`,
      },
    ];
  const quarter = /第([一二三四1-4])季度/.exec(upTo);
  if (quarter)
    return [
      {
        time: 'SPAN',
        period: `${year}-Q${'一二三四'.indexOf(quarter[1]!) + 1 || quarter[1]}`,
        confidence: 0.7,
        reason: `a quarter of ${year}`,
      },
    ];
  return [];
}

/**
 * 连续4年, 10年来, 3年连升: a run of years ending in the year the text is about, when the figure counts
 * those years.
 */
function runOfYears(full: string, unit: string, year?: string): TimeProposal[] {
  const run = /连续(\d+)年|(\d+)年(?:来|连)/.exec(full);
  if (!run || !year || unit !== 'year') return [];
  const first = Number(year) - Number(run[1] ?? run[2]) + 1;
  return [
    {
      time: 'SPAN',
      period: `${first}/${year}`,
      confidence: 0.6,
      reason: `${run[0]}, counted back from ${year}`,
    },
  ];
}
