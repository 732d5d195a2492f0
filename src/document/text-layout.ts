/**
 * One layout for the text of every form, so quotes and offsets mean the same whatever the file
 * was: NFC, LF line ends, paragraphs one per line with one blank line between blocks, no
 * indentation, and no space beside a Chinese character (PDF and HTML put spaces around digits
 * and Latin words that the author never typed: "2025 年" → "2025年"). Spaces between Latin words
 * stay, a tab still parts a table's cells, and a wider gap (two spaces or more, or an ideographic
 * space) is kept as typed: it parts the fields of a by-line (作者:沈莹    发布时间:…).
 */
const CJK = '\\p{Script=Han}\\u3000-\\u303F\\uFF00-\\uFFEF';
const SPACE_AFTER_CJK = new RegExp(`([${CJK}])[ \\u00A0](?=[^\\s])`, 'gu');
const SPACE_BEFORE_CJK = new RegExp(`([^\\s])[ \\u00A0](?=[${CJK}])`, 'gu');
// eslint-disable-next-line no-misleading-character-class -- the zero-width characters, one by one
const INVISIBLE = /[\u200B\u200C\u200D\u2060\uFEFF\u00AD]/g;

export function normalizeLayout(text: string): string {
  const lines = text
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) =>
      line
        .replace(/[ \t\u00A0\u3000]*\t[ \t\u00A0\u3000]*/g, '\t')
        .replace(SPACE_AFTER_CJK, '$1')
        .replace(SPACE_BEFORE_CJK, '$1')
        .trim(),
    );
  return lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
