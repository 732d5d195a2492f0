import type { TimeProposal } from '../draft-shapes';
import { inAnecdote, leadYear, type TimeInput, yearsIn } from './time-context';
import { dayOrMonth, pad, partsOfYear, runOfYears, yearRange } from './time-spans';

/**
 * When a figure holds, as its sentence and section may say: a day, a month, a quarter or half, a
 * stock at a date, a running total, a run of years, a year; most specific first. Which of them
 * is proposed is decided in time-proposals.ts.
 */

const CUMULATIVE = /累计|累积|先后|以来|至今/;
/**
 * 共 and 总 give a total: of what happened, a running total (共化解纠纷2140件); of what exists, a
 * stock (共建立调委会206个, 共有网格员612名).
 */
const TOTAL = /共|总/;
const FLOWS = new Set(['case', 'event', 'person-time', 'times', 'CNY', 'item']);
/** A year's whole: 全年累计 is the year's total, not a running one. */
const WHOLE_YEAR = /全年|今年|本年|年内|当年/;
const STOCK = /截至目前|截止目前|目前|现有|现已|如今|已建成|已实现/;
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
  /** A year's total (全年, 今年): never a running total, whatever 累计 says. */
  readonly wholeYear: boolean;
}

/** The readings of a figure's time, most specific first. */
export function timeReadings(input: TimeInput): TimeProposal[] {
  const full = input.sentence.text;
  const upTo = full.slice(0, input.figureEnd - input.sentence.index);
  const clause = upTo.split(/[,,;;]/).pop() ?? '';
  const years = yearsIn(full);
  if (years.length === 0 && inAnecdote(input))
    return [
      {
        time: 'UNDATED',
        confidence: 0.6,
        reason: 'a story about one event or person, which the text does not date',
      },
    ];
  const r: Reading = {
    upTo,
    full,
    published: input.published,
    year: [...years].reverse().find((y) => y.at < upTo.length)?.year ?? years[0]?.year,
    sectionYear: leadYear(input),
    stockLike: !['percent', 'percentage-point', 'rank', 'rank-change'].includes(input.unit),
    running:
      (CUMULATIVE.test(upTo) || (TOTAL.test(upTo) && FLOWS.has(input.unit))) &&
      !WHOLE_YEAR.test(clause),
    wholeYear: WHOLE_YEAR.test(clause),
  };
  const yearOrSection = r.year ?? r.sectionYear;
  return [
    ...dayOrMonth(upTo, full, input.published),
    ...partsOfYear(upTo, yearOrSection),
    ...monthEnd(r),
    ...yearEnd(r),
    ...sinceYear(r),
    ...yearRange(full),
    ...runOfYears(full, input.unit, yearOrSection),
    ...runningInYear(r),
    ...atReport(r),
    ...yearsNamed(r),
  ];
}

/** A count at a period's end, in the words `said`: a stock then, or a total up to then. */
const atEnd = (running: boolean, date: string, said: string): TimeProposal[] => [
  running
    ? {
        time: 'CUMULATIVE',
        period: `../${date}`,
        confidence: 0.65,
        reason: `a total up to ${said}`,
      }
    : { time: 'AS_OF', period: date, confidence: 0.7, reason: `a stock at ${said}` },
];

/** A count at a year's end (截至2020年底, 年末). */
function yearEnd({ upTo, stockLike, running, year, sectionYear }: Reading): TimeProposal[] {
  const end = /(?:截[至止])?(\d{4})?年(?:底|末)(?!前)/.exec(upTo);
  const endYear = end && (end[1] ?? year ?? sectionYear);
  if (!end || !endYear || !stockLike) return [];
  return atEnd(running, `${endYear}-12-31`, end[0]);
}

/** A count at a month's end (截至11月底). */
function monthEnd({ upTo, stockLike, running, year, sectionYear }: Reading): TimeProposal[] {
  const end = /截[至止](?:(\d{4})年)?(\d{1,2})月(?:底|末)/.exec(upTo);
  const endYear = end && (end[1] ?? year ?? sectionYear);
  if (!end || !endYear || !stockLike) return [];
  const month = Number(end[2]);
  const day = new Date(Date.UTC(Number(endYear), month, 0)).getUTCDate();
  return atEnd(running, `${endYear}-${pad(month)}-${pad(day)}`, end[0]);
}

/** A running total since a year (自2019年以来, 2019年设立以来): up to the report. */
function sinceYear({ upTo, stockLike, published }: Reading): TimeProposal[] {
  const since = /(\d{4})年[^,,。;;\d]{0,6}以来/.exec(upTo);
  if (!since || !stockLike) return [];
  return [
    {
      time: 'CUMULATIVE',
      period: `../${published}`,
      confidence: 0.6,
      reason: `a running total since ${since[1]}年 (${since[0]}), up to the report`,
    },
  ];
}

/** 累计 in a year's report with no start named: a running total up to that year's end. */
function runningInYear({ upTo, running, stockLike, year, sectionYear }: Reading): TimeProposal[] {
  const upToYear = year ?? sectionYear;
  if (!running || !CUMULATIVE.test(upTo) || !stockLike || !upToYear || /以来|至今/.test(upTo))
    return [];
  return [
    {
      time: 'CUMULATIVE',
      period: `../${upToYear}-12-31`,
      confidence: 0.55,
      reason: `a running total (累计 …) up to the end of ${upToYear}`,
    },
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
