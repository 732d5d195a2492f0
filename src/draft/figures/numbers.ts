import type { Qualifier } from '../../core/vocabulary';

/**
 * Reading a number as the text writes it: digits or Chinese numerals, 万/亿, 余/多/以上/近/约, and the
 * measure word after it.
 */

const DIGITS: Record<string, number> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const SMALL: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const BIG: Record<string, number> = { 万: 10_000, 亿: 100_000_000 };

/**
 * The value of a run of Chinese numerals (十 10, 二十三 23, 一百五十 150, 三万 30000, 两千 2000), or NaN when
 * it is not one.
 */
export function parseChineseNumeral(run: string): number {
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  for (const ch of run) {
    if (ch in DIGITS) {
      if (digit !== null) return Number.NaN; // 十三五: two digits in a row is a name, not a number
      digit = DIGITS[ch]!;
    } else if (ch in SMALL) {
      section += (digit ?? 1) * SMALL[ch]!;
      digit = null;
    } else if (ch in BIG) {
      const here = section + (digit ?? (section === 0 && total === 0 ? 1 : 0));
      // 亿 multiplies everything before it; 万 only the part since the last 亿 (一亿三千万).
      total = ch === '亿' ? (total + here) * BIG[ch]! : total + here * BIG[ch]!;
      section = 0;
      digit = null;
    } else return Number.NaN;
  }
  return total + section + (digit ?? 0);
}

/** Measure words after a number, longest first (个百分点 before 个, 人次 before 人). */
export const MEASURES = [
  '个百分点',
  '百分点',
  '平方米',
  '个月',
  '人次',
  '大类',
  '方面',
  '小时',
  '公里',
  '%',
  '％',
  '元',
  '户',
  '件',
  '起',
  '宗',
  '人',
  '名',
  '位',
  '条',
  '项',
  '类',
  '份',
  '场',
  '次',
  '所',
  '路',
  '套',
  '间',
  '米',
  '天',
  '周',
  '年',
  '个',
  '家',
  '支',
  '处',
  '座',
  '辆',
  '台',
  '批',
  '亩',
  '倍',
  '张',
  '部',
] as const;
export type Measure = (typeof MEASURES)[number];

/**
 * A number as written: where it ends with its multiplier, qualifier and measure word, and its
 * value.
 */
export interface NumberReading {
  readonly value: number;
  readonly qualifier: Qualifier;
  readonly measure: Measure | null;
  /** UTF-16 index just after the measure word (or the number, when it has none). */
  readonly end: number;
  /** Where the qualifier before it starts (超过, 近 …), else the number's own start. */
  readonly start: number;
}

/**
 * Measures after which 余/多 means "more than" (2米多, 10年余); after 个 or 次 a 多 starts another word
 * (一个多元化).
 */
const MORE_AFTER: ReadonlySet<Measure> = new Set<Measure>([
  '米',
  '元',
  '年',
  '天',
  '小时',
  '公里',
  '亩',
  '平方米',
  '个月',
  '周',
]);

const BEFORE_QUALIFIERS: ReadonlyArray<[string, Qualifier]> = [
  ['不超过', 'AT_MOST'],
  ['不到', 'AT_MOST'],
  ['不足', 'AT_MOST'],
  ['超过', 'MORE_THAN'],
  ['逾', 'MORE_THAN'],
  ['至少', 'AT_LEAST'],
  ['将近', 'ABOUT'],
  ['大约', 'ABOUT'],
  ['约', 'ABOUT'],
  ['近', 'ABOUT'],
];

/**
 * Reads the number at `index` (its text `token`): value, 万/亿, 余/多 and 以上, the qualifier before it
 * and the measure word after.
 */
export function readNumber(text: string, index: number, token: string): NumberReading {
  const base = /\d/.test(token) ? Number(token) : parseChineseNumeral(token);
  let at = index + token.length;
  let value = base;
  let qualifier: Qualifier = 'EXACT';
  for (let step = 0; step < 3; step += 1) {
    const ch = text[at];
    if (ch === '余' || ch === '多') qualifier = 'MORE_THAN';
    else if (ch !== undefined && ch in BIG && /\d/.test(token)) value *= BIG[ch]!;
    else break;
    at += 1;
  }
  let measure: Measure | null = MEASURES.find((m) => text.startsWith(m, at)) ?? null;
  if (measure) at += measure.length;
  const more = /^[余多](个月|月|小时)/.exec(text.slice(at));
  if (measure === '个' && more) {
    // 3个多月: "more than three months".
    measure = more[1] === '小时' ? '小时' : '个月';
    qualifier = 'MORE_THAN';
    at += more[0].length;
  } else if (measure && MORE_AFTER.has(measure) && (text[at] === '余' || text[at] === '多')) {
    qualifier = 'MORE_THAN';
    at += 1;
  }
  if (text.startsWith('以上', at)) {
    qualifier = 'AT_LEAST';
    at += 2;
  }
  const before = BEFORE_QUALIFIERS.find(
    ([word]) => text.slice(index - word.length, index) === word,
  );
  if (before && qualifier === 'EXACT') qualifier = before[1];
  return {
    value: roundFloat(value),
    qualifier,
    measure,
    end: at,
    start: before ? index - before[0].length : index,
  };
}

/** 4.4 × 10000 without binary noise (44000.00000000001). */
const roundFloat = (n: number): number => Math.round(n * 1e6) / 1e6;
