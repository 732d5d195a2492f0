import type { LocatedQuote } from '../../facts/citations';
import { governingHeads } from '../../facts/report-parts';
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
  readonly sentences: readonly Sentence[];
  readonly sections: readonly Section[];
  /** UTF-16 end of the figure's words in the source. */
  readonly figureEnd: number;
  readonly unit: string;
  readonly quote: LocatedQuote;
}

const pad = (n: string | number): string => String(n).padStart(2, '0');
const CUMULATIVE = /累计|累积|先后|以来|至今/;
/**
 * 共 and 总 give a total: of what happened, a running total (共化解纠纷2140件); of what exists, a
 * stock (共建立调委会206个, 共有网格员612名).
 */
const TOTAL = /共|总/;
const FLOWS = new Set(['case', 'event', 'person-time', 'times', 'CNY', 'item']);
/** A year's whole: 全年累计 is the year's total, not a running one. */
const WHOLE_YEAR = /全年|今年|本年|年内|当年/;
/**
 * A story about one event or person (有一回, 村民张某, 两周前): its figures hold when it happened,
 * which the text does not date.
 */
const ANECDOTE =
  /有一[回次]|那一?天|某某|(?<!(?:记者|通讯员|编辑|摄影)\s*)[张王李赵刘陈杨黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤][某](?![某镇乡村县区])|(?:[两三四五六七八九十几\d]+)(?:天|周|个月)前|曾经|曾(?=有|[协帮为替使让])/;
/** Words that date a sentence of its own, so a story before it does not reach it. */
const OWN_TIME = /\d{4}年|全年|今年|本年|年内|截至|截止|目前|现有/;
const STOCK = /截至目前|截止目前|目前|现有|现已|如今|已建成|已实现/;
/** A year that is the base of a comparison (较2019年上升), not the figure's time. */
/**
 * The year a figure's part is about: the first year named in its part before it, else in the
 * headings over it (the report's title: 某县2023年工作总结), as the time rule reads them.
 */
function leadYear({ text, sentence, sections }: TimeInput): string | undefined {
  const own = yearsIn(text.slice(sections[sentence.section]!.start, sentence.index))[0]?.year;
  return own ?? governingHeads(text, sentence.index, sections).flatMap((h) => yearsIn(h))[0]?.year;
}

/** Whether the sentence tells a story, or follows one in its paragraph and dates nothing itself. */
function inAnecdote({ sentences, sentence }: TimeInput): boolean {
  if (ANECDOTE.test(sentence.text)) return true;
  const before = sentences.filter(
    (s) => s.paragraph === sentence.paragraph && s.index < sentence.index,
  );
  const previous = before[before.length - 1];
  return previous !== undefined && ANECDOTE.test(previous.text) && !OWN_TIME.test(sentence.text);
}

const isBaseYear = (s: string, at: number, length: number): boolean =>
  /[较比于]$/.test(s.slice(0, at)) ||
  /^(上升|下降|同期|相比)/.test(s.slice(at + length)) ||
  SINCE.test(s.slice(at + length));
/** A year that starts a running total (2019年以来, 自2019年设立以来), not the figure's year. */
const SINCE = /^[^,,。;;\d]{0,6}以来/;

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
    ...dayOrMonth(r),
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
  const month = [...upTo.matchAll(/(\d{4})年(\d{1,2})月(?!\d{0,2}日|底|末)/g)].pop();
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

/** A run of years named as one (2019—2023年, 2021至2023年): the figure holds over all of them. */
function yearRange(full: string): TimeProposal[] {
  const m = /((?:19|20)\d{2})年?\s*[—–\-~～至到]\s*((?:19|20)\d{2})年/.exec(full);
  if (!m || Number(m[2]) <= Number(m[1])) return [];
  return [
    { time: 'SPAN', period: `${m[1]}/${m[2]}`, confidence: 0.65, reason: `the years ${m[0]}` },
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
