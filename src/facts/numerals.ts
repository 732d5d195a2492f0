/**
 * Numbers written in Chinese numerals, and the fixed expressions in which a numeral is not a
 * number.
 */

/**
 * The numeral characters up to ten (〇/零, 一 … 十, 两), and with the larger units (百, 千, 万, 亿): the one
 * class every rule uses.
 */
const DIGIT_CHARS = '〇零一二两三四五六七八九十';
const NUMERAL_CHARS = `${DIGIT_CHARS}百千万亿`;

/** A run of numeral characters and their combinations (二十, 一百五十, 三万). */
export const CHINESE_NUMERAL = new RegExp(`[${NUMERAL_CHARS}]+`, 'g');

/** Whether a token is written in numeral characters only (三, 两万), not in digits. */
export const isChineseNumeral = (token: string): boolean =>
  new RegExp(`^[${NUMERAL_CHARS}]+$`).test(token);

/**
 * Words in which a numeral character does not count anything, so the completeness check skips
 * them. Keep this list to words whose meaning does not depend on the context (一起 "together",
 * 统一 "unified", 进一步 "further", 老百姓 "the common people" …); a numeral that counts
 * something but is not a figure (兄弟两人 in an anecdote) is listed in `nonFigures` with its
 * reason instead, and the names of regions, models and principles are recognised from the seed.
 */
export const FIXED_EXPRESSIONS = [
  // Adverbs and conjunctions.
  '一起',
  '一同',
  '一并',
  '一直',
  '一旦',
  '一律',
  '一致',
  '一贯',
  '一再',
  '一定',
  '一般',
  '一切',
  '一些',
  '一样',
  '一边',
  '一道',
  '一举',
  '一时',
  '一度',
  '一向',
  '逐一',
  '统一',
  '唯一',
  '单一',
  '专一',
  '万一',
  '进一步',
  '下一步',
  '一步步',
  '一方面',
  '另一方面',
  '十分',
  '万分',
  '一系列',
  '一大批',
  '一批',
  '一线',
  '第一线',
  '一体',
  '一手',
  '第一手',
  '第一时间',
  '一心',
  '一把手',
  '之一',
  '千方百计',
  '千家万户',
  '百姓',
  '万无一失',
  '一年来',
  '这一点',
  '一双双',
  '又一场',
  '一场又一场',
  // Measure phrases that do not count (一级 "at … level", 一大 "a major").
  '一级',
  '一大',
  // Fixed formulas of method, not of quantity (一对一 "one-on-one", 一人一策 "a plan for each person").
  '一对一',
  '一人一策',
  '一案一策',
];

/** Calendar words written in numerals (三月, 二十日, 前三季度): dates, not figures. */
export const CHINESE_DATE_LIKE = new RegExp(`^[${DIGIT_CHARS}]+(?:月|日|号|季度)`);

/** Spans of every occurrence of each fixed expression in `text`. */
export function fixedExpressionSpans(
  text: string,
  expressions: readonly string[] = FIXED_EXPRESSIONS,
): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const word of expressions) {
    for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1))
      spans.push([i, i + word.length]);
  }
  return spans;
}
