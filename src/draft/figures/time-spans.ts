import type { TimeProposal } from '../draft-shapes';

/** Spans of a calendar a sentence names: a day or month, a quarter or half, a run of years. */

export const pad = (n: string | number): string => String(n).padStart(2, '0');

/** A day (2020年3月5日), or a month (2020年3月), or a span from a month to the report (2020年3月以来). */
export function dayOrMonth(upTo: string, full: string, published: string): TimeProposal[] {
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

/** A run of years named as one (2019—2023年, 2021至2023年): the figure holds over all of them. */
export function yearRange(full: string): TimeProposal[] {
  const m = /((?:19|20)\d{2})年?\s*[—–\-~～至到]\s*((?:19|20)\d{2})年/.exec(full);
  if (!m || Number(m[2]) <= Number(m[1])) return [];
  return [
    { time: 'SPAN', period: `${m[1]}/${m[2]}`, confidence: 0.65, reason: `the years ${m[0]}` },
  ];
}

/** Quarters and halves: 前三季度, 上半年, 第二季度. */
export function partsOfYear(upTo: string, year?: string): TimeProposal[] {
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
export function runOfYears(full: string, unit: string, year?: string): TimeProposal[] {
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
