import type { Measure } from './numbers';

/**
 * Which unit a figure is in, from its measure word and, for the general ones (个, 支, 处 …), from
 * the noun it counts. Codes are the seed's unit codes; a code the vocabulary lacks is proposed in
 * the draft's own units file from DEFINITIONS (unit-definitions.ts).
 */

/** Measure words that fix the unit by themselves. */
const BY_MEASURE: Partial<Record<Measure, string>> = {
  '%': 'percent',
  '％': 'percent',
  个百分点: 'percentage-point',
  百分点: 'percentage-point',
  元: 'CNY',
  人次: 'person-time',
  人: 'person',
  名: 'person',
  位: 'person',
  户: 'household',
  件: 'case',
  起: 'case',
  宗: 'case',
  条: 'item',
  项: 'item',
  类: 'item',
  大类: 'item',
  份: 'item',
  方面: 'item',
  场: 'event',
  次: 'event',
  所: 'school',
  路: 'camera',
  套: 'set',
  间: 'room',
  米: 'metre',
  天: 'day',
  个月: 'month',
  年: 'year',
  家: 'organisation',
  小时: 'hour',
  公里: 'kilometre',
  周: 'week',
  辆: 'vehicle',
  亩: 'mu',
  平方米: 'square-metre',
  倍: 'multiple',
};

/**
 * The head nouns of what a general measure word counts; the match that ends last in the noun wins
 * (社区党委 is a committee).
 */
const NOUN_HEADS: ReadonlyArray<readonly [string, string]> = [
  ['党委', 'organisation'],
  ['党支部', 'organisation'],
  ['党小组', 'organisation'],
  ['党组织', 'organisation'],
  ['党工委', 'organisation'],
  ['调委会', 'organisation'],
  ['委员会', 'organisation'],
  ['组织', 'organisation'],
  ['机构', 'organisation'],
  ['协会', 'organisation'],
  ['小区', 'compound'],
  ['摄像头', 'camera'],
  ['探头', 'camera'],
  ['摄像机', 'camera'],
  ['学校', 'school'],
  ['街道', 'township'],
  ['乡镇', 'township'],
  ['镇', 'township'],
  ['乡', 'township'],
  ['自然村', 'village'],
  ['行政村', 'village'],
  ['村委会', 'village'],
  ['社区', 'village'],
  ['村', 'village'],
  ['居委会', 'village'],
  ['小组', 'unit'],
  ['示范点', 'unit'],
  ['试点', 'unit'],
  ['工作站', 'unit'],
  ['站点', 'unit'],
  ['队伍', 'unit'],
  ['团队', 'unit'],
  ['方面', 'item'],
  ['问题', 'item'],
  ['类别', 'item'],
  ['事项', 'item'],
  ['线索', 'item'],
  ['标准', 'item'],
  ['清单', 'item'],
  ['措施', 'item'],
];

/**
 * How far a noun after a measure word reaches, in characters: beyond it a verb has usually begun
 * (711个电子门牌落户…).
 */
const NOUN_REACH = 6;

/**
 * The noun's characters: quotation marks and bracketed qualifiers dropped (村(社区) → 村, “零发案”小区 →
 * 零发案小区).
 */
const plainNoun = (words: string): string =>
  words.replace(/[((][^))]*[))]/g, '').replace(/[“”‘’"'《》\s]/g, '');

/**
 * Heads that make a place noun into a body or a site (社区党委, 村民小组, 村级示范点): they win over the place
 * before them.
 */
const BODY_HEADS = new Set([
  '党委',
  '党支部',
  '党小组',
  '党组织',
  '党工委',
  '调委会',
  '委员会',
  '组织',
  '机构',
  '小组',
  '示范点',
  '工作站',
  '站点',
]);

/**
 * The unit a noun names, or undefined when none of the known heads is in it: the first head in
 * the noun, unless a body head follows it at most one character later (村级示范点 is a site).
 */
export function unitOfNoun(noun: string): string | undefined {
  const hits = NOUN_HEADS.flatMap(([head, unit]) => {
    const found: Array<{ start: number; end: number; head: string; unit: string }> = [];
    for (let i = noun.indexOf(head); i >= 0; i = noun.indexOf(head, i + 1))
      found.push({ start: i, end: i + head.length, head, unit });
    return found;
  }).sort((a, b) => a.start - b.start || b.end - a.end);
  let best = hits[0];
  while (best) {
    const current = best;
    const body = hits.find(
      (h) => h.start >= current.end && h.start <= current.end + 1 && BODY_HEADS.has(h.head),
    );
    if (!body) break;
    best = body;
  }
  return best?.unit;
}

/**
 * The noun after a measure word: the next Chinese characters of its clause, up to NOUN_REACH, past
 * a figure that qualifies it (4个20人巡逻队伍).
 */
export function nounAfter(rest: string): string {
  const clause = plainNoun(rest.split(/[,,。;;、::!!??]/)[0] ?? '').replace(/^[\d.]+[人名个]?/, '');
  return (/^[\u4e00-\u9fff]+/.exec(clause)?.[0] ?? '').slice(0, NOUN_REACH);
}

/**
 * The noun before a number that ends its clause (社区(村)调委会103个): the last characters of the clause
 * before it.
 */
export function nounBefore(before: string): string {
  const clause = plainNoun(before.split(/[,,。;;、::!!??]/).pop() ?? '').replace(
    /(达|为|有|共|计|约|近|超过|达到|建成|是)$/,
    '',
  );
  return clause.slice(-NOUN_REACH);
}

/**
 * The unit of a figure: fixed by its measure word, or by the noun it counts (after it, else before
 * it); `fallback` when no noun is there.
 */
export function unitOf(
  measure: Measure,
  after: string,
  before: string,
  fallback = 'unit',
): { unit: string; noun: string; byNoun: boolean } {
  const next = nounAfter(after);
  const fixed = BY_MEASURE[measure];
  if (fixed) return { unit: fixed, noun: next, byNoun: false };
  if (next) return { unit: unitOfNoun(next) ?? 'unit', noun: next, byNoun: true };
  const prev = nounBefore(before);
  // A noun before the number names the unit by its last word (方面长效机制67个 counts mechanisms); a
  // clause with no noun (建立了70个) counts what the figure before it did.
  const head = NOUN_HEADS.filter(([h]) => prev.endsWith(h)).sort(
    (a, b) => b[0].length - a[0].length,
  )[0]?.[1];
  const bare = prev === '' || /[了后的着过]$/.test(prev);
  return { unit: head ?? (bare ? fallback : 'unit'), noun: prev, byNoun: true };
}
