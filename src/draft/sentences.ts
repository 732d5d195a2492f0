import { isHeading, sectionAt, sections } from '../facts/report-parts';
import type { Sentence } from './draft-shapes';

/** The report cut into sentences (with their offsets), each knowing its part and paragraph. */

/** Where a sentence ends: 。!?; (and their ASCII forms), with any closing quotes after them. */
const SENTENCE_END = /[。!?;!?;]+[”’」』)]*/g;

/** Every sentence and heading line, trimmed, with its UTF-16 index and code-point offset. */
export function splitSentences(text: string): Sentence[] {
  const secs = sections(text);
  const out: Sentence[] = [];
  let lineStart = 0;
  let paragraph = 0;
  let offset = 0;
  let counted = 0;
  const codePoints = (to: number) => {
    offset += Array.from(text.slice(counted, to)).length;
    counted = to;
    return offset;
  };
  for (const line of text.split('\n')) {
    const heading = isHeading(line.trim());
    for (const [from, to] of pieces(line, heading)) {
      const raw = line.slice(from, to);
      const lead = raw.length - raw.trimStart().length;
      const body = raw.trim();
      if (body === '') continue;
      const index = lineStart + from + lead;
      out.push({
        text: body,
        index,
        offset: codePoints(index),
        heading,
        section: sectionAt(secs, index).index,
        paragraph,
      });
    }
    if (line.trim() !== '') paragraph += 1;
    lineStart += line.length + 1;
  }
  return out;
}

/**
 * The spans of one line's sentences: the whole line for a heading, else cut after each sentence
 * end.
 */
function pieces(line: string, heading: boolean): Array<[number, number]> {
  if (heading) return [[0, line.length]];
  const spans: Array<[number, number]> = [];
  let from = 0;
  for (const m of line.matchAll(SENTENCE_END)) {
    const to = m.index! + m[0].length;
    spans.push([from, to]);
    from = to;
  }
  if (from < line.length) spans.push([from, line.length]);
  return spans;
}

/**
 * The clause around a span: between the nearest commas, semicolons, colons or enumeration marks.
 */
export function clauseAround(sentence: string, from: number, to: number): [number, number] {
  const stops = /[,,。;;::!!??]/;
  let a = from;
  while (a > 0 && !stops.test(sentence[a - 1]!)) a -= 1;
  let b = to;
  while (b < sentence.length && !stops.test(sentence[b]!)) b += 1;
  return [a, b];
}
