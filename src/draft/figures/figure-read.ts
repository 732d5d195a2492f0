import { YEAR_ON_YEAR_CUES } from '../../facts/time.rules';
import type { Figure, NonFigure } from '../draft-shapes';
import { AFTER_RANKS, BEFORE_RANKS, firstReason, type NumberAt } from './nonfigure.rules';
import { nounAfter, unitOf } from './units.rules';

/**
 * One number in its sentence, judged a figure (with value, unit, qualifier, comparison) or not
 * (with the reason).
 */

const RANK_CONTEXT =
  /(全市|全省|全国|全区|全县|全州|主城区|位列|排名|排在|位居|保持|居)[\u4e00-\u9fff]{0,4}$/;
const SCOPE = /(全省|全市|全国|全区|全县|全州|主城区|[\u4e00-\u9fff]{2,3}[省市州县区])/g;
/**
 * The ranking's scope: the last place word before the rank, after any verb of ranking (位列全省 → 全省).
 */
const scopeOf = (context: string): string | undefined => {
  const last = (s: string) => [...s.matchAll(SCOPE)].pop()?.[1];
  return (
    last(context.replace(/^.*(位列|排名|排在|位居|保持|居)/, '')) ??
    last(context.replace(/(位列|排名|排在|位居|保持|居)/g, '、'))
  );
};
const FALL = /(下降|减少|降低|下滑|回落)了?$/;
const RISE = /(上升|增长|提高|增加|提升|上涨)了?$/;
const PER_PERIOD: ReadonlyArray<readonly [RegExp, string]> = [
  [/每季度/, 'times-per-quarter'],
  [/每月/, 'times-per-month'],
  [/每周/, 'times-per-week'],
  [/每年/, 'times-per-year'],
  [/连续/, 'times'],
];

/**
 * The clause before a number in its sentence (up to the last comma, semicolon or colon; `list` also
 * stops at 、).
 */
const clauseBefore = (n: NumberAt, list = false): string =>
  n.sentence.text
    .slice(0, n.index - n.sentence.index)
    .split(list ? /[,,;;::、]/ : /[,,;;::]/)
    .pop() ?? '';

const nonFigure = (n: NumberAt, reason: string, confidence: number): NonFigure => ({
  start: n.index,
  end: n.index + n.token.length,
  reason,
  confidence,
});

/**
 * Judges one number; `previousUnit` is the unit of the sentence's previous figure counted with 个
 * (建立了70个 after 30个摄像头).
 */
export function judgeNumber(n: NumberAt, previousUnit?: string): Figure | NonFigure {
  const early = firstReason(BEFORE_RANKS, n);
  if (early) return nonFigure(n, early, 0.85);
  const rank = rankFigure(n);
  if (rank) return rank;
  const late = firstReason(AFTER_RANKS, n);
  if (late) return nonFigure(n, late, late.startsWith('no unit') ? 0.6 : 0.75);
  return countFigure(n, previousUnit);
}

/** Ranks (第一, 第3名, 排名19名), places gained (上升50位) and ordinals that count (第16份). */
function rankFigure(n: NumberAt): Figure | undefined {
  const before = clauseBefore(n);
  const r = n.reading;
  const base = { value: r.value, qualifier: r.qualifier, end: r.end };
  if (n.text[n.index - 1] === '第') {
    const context = before.slice(0, -1);
    if (r.measure === '名' || r.measure === '位' || RANK_CONTEXT.test(context)) {
      return {
        ...base,
        start: n.index - 1,
        unit: 'rank',
        label: context,
        noun: '',
        scope: scopeOf(context),
        confidence: 0.85,
        reason: `第${n.token}: a rank (1 = first)`,
      };
    }
    if (/^\d+$/.test(n.token) && (r.measure === '份' || r.measure === '次' || r.measure === '批')) {
      return {
        ...base,
        start: n.index - 1,
        unit: r.measure === '次' ? 'event' : 'item',
        label: n.text.slice(r.end, r.end + 8),
        noun: nounAfter(n.text.slice(r.end, r.end + 20)),
        confidence: 0.45,
        reason: `第${n.token}${r.measure}: an ordinal that counts how many so far`,
      };
    }
    return undefined;
  }
  if (r.measure === '名' && /排名$/.test(before)) {
    return {
      ...base,
      start: n.index,
      unit: 'rank',
      label: before,
      noun: '',
      scope: scopeOf(before),
      confidence: 0.8,
      reason: `排名${n.token}名: a rank`,
    };
  }
  if (r.measure === '位' && /(上升|提升|前进|下降|后退)$/.test(before)) {
    const basePeriod = /较(\d{4})年/.exec(before)?.[1];
    const sign = /(下降|后退)$/.test(before) ? -1 : 1;
    return {
      ...base,
      value: sign * r.value,
      start: n.index,
      unit: 'rank-change',
      label: before,
      noun: '',
      comparison: { kind: 'RANK_CHANGE', basePeriod },
      confidence: 0.8,
      reason: `places gained or lost in a ranking${basePeriod ? ` since ${basePeriod}` : ''}`,
    };
  }
  return undefined;
}

/**
 * A count, amount, rate or duration: the unit from the measure word (or the noun counted), a
 * change's sign and base.
 */
function countFigure(n: NumberAt, previousUnit?: string): Figure {
  const r = n.reading;
  const measure = r.measure!;
  const before = clauseBefore(n);
  const found = unitOf(measure, n.text.slice(r.end, r.end + 20), before, previousUnit ?? 'unit');
  let unit = found.unit;
  if (measure === '次') unit = PER_PERIOD.find(([cue]) => cue.test(before))?.[1] ?? unit;
  const change = changeOf(n, unit);
  const known = !found.byNoun || found.noun !== '';
  const confidence = found.byNoun
    ? previousUnit && unit === previousUnit
      ? 0.55
      : known
        ? 0.75
        : 0.5
    : 0.9;
  const how = found.byNoun
    ? `${measure} counting “${found.noun || '(no noun)'}”`
    : `the measure word ${measure}`;
  return {
    start: r.start,
    end: r.end,
    value: change?.sign === -1 ? -r.value : r.value,
    unit,
    qualifier: r.qualifier,
    label: `${before}${nounAfter(n.text.slice(r.end, r.end + 20))}`,
    noun: found.noun,
    comparison: change?.comparison,
    scope: change?.scope,
    confidence,
    reason: `${n.token} with ${how} → ${unit}${change ? `, ${change.comparison.kind}` : ''}`,
  };
}

/**
 * For a percentage or percentage points: a fall or rise (negative when it falls), and what it is
 * measured against.
 */
function changeOf(
  n: NumberAt,
  unit: string,
): { sign: 1 | -1; comparison: NonNullable<Figure['comparison']>; scope?: string } | undefined {
  if (unit !== 'percent' && unit !== 'percentage-point') return undefined;
  const before = clauseBefore(n, true);
  const average = /(高于|低于|超出)([\u4e00-\u9fff]{0,4}?)(平均值|平均水平|平均)$/.exec(before);
  if (average)
    return {
      sign: average[1] === '低于' ? -1 : 1,
      comparison: { kind: 'VS_AVERAGE' },
      scope: average[2] || undefined,
    };
  const fall = FALL.test(before);
  if (!fall && !RISE.test(before)) return undefined;
  return {
    sign: fall ? -1 : 1,
    comparison: { kind: YEAR_ON_YEAR_CUES.test(before) ? 'YEAR_ON_YEAR' : 'CHANGE_UNSTATED_BASE' },
  };
}
