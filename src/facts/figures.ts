import { CHINESE_DATE_LIKE, CHINESE_NUMERAL, fixedExpressionSpans } from './numerals';

/**
 * Numbers in a source, written in digits or in Chinese numerals, and which of them are dates or
 * words rather than figures.
 */

export interface NumberToken {
  readonly text: string;
  /** UTF-16 index in the source. */
  readonly index: number;
  readonly script: 'digits' | 'numerals';
}

const NUMBER = /\d+(?:\.\d+)?/g;
/** Calendar references, not figures: 2020年, 6月, 27日, and the header's 2021-02-09 10:02. */
const DATE_LIKE = [/^(19|20)\d{2}年/, /^\d{1,2}月/, /^\d{1,2}日/];
const HEADER_DATETIME = /\d{4}-\d{2}-\d{2} \d{2}:\d{2}/g;

export function numberTokens(text: string): NumberToken[] {
  const header = [...text.matchAll(HEADER_DATETIME)].map(
    (m) => [m.index!, m.index! + m[0].length] as const,
  );
  const out: NumberToken[] = [];
  for (const m of text.matchAll(NUMBER)) {
    const index = m.index!;
    const rest = text.slice(index, index + m[0].length + 1);
    if (DATE_LIKE.some((re) => re.test(rest))) continue;
    if (header.some(([a, b]) => index >= a && index < b)) continue;
    out.push({ text: m[0], index, script: 'digits' });
  }
  return [...out, ...numeralTokens(text)].sort((a, b) => a.index - b.index);
}

/**
 * Runs of Chinese numerals that may count something: not a multiplier of digits (4万), a date (三月)
 * or inside a fixed expression.
 */
function numeralTokens(text: string): NumberToken[] {
  const fixed = fixedExpressionSpans(text);
  const out: NumberToken[] = [];
  for (const m of text.matchAll(CHINESE_NUMERAL)) {
    const index = m.index!;
    if (/[\d.]/.test(text[index - 1] ?? '')) continue;
    if (CHINESE_DATE_LIKE.test(text.slice(index, index + m[0].length + 2))) continue;
    if (fixed.some(([a, b]) => index >= a && index + m[0].length <= b)) continue;
    out.push({ text: m[0], index, script: 'numerals' });
  }
  return out;
}

/** Rounds `computed` to as many decimals as `reported` shows, so 1359/1370 agrees with 99%. */
export function agreesAtReportedPrecision(reported: number, computed: number): boolean {
  const decimals = (String(reported).split('.')[1] ?? '').length;
  const factor = 10 ** decimals;
  return Math.abs(Math.round(computed * factor) / factor - reported) < 1e-9;
}
