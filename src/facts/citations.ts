import { createHash } from 'node:crypto';
import type { Citation } from './fact.schema';

export const DEFAULT_SOURCE = 'kunming-2020';

export interface LocatedQuote {
  readonly id: string;
  readonly source: string;
  readonly quote: string;
  /** Offset of the quote in the source text, in Unicode code points (what is stored). */
  readonly offset: number;
  /** The same position as a JavaScript (UTF-16) string index. */
  readonly index: number;
  readonly length: number;
}

/** All start indices (UTF-16) of `needle` in `haystack`. */
export function occurrences(haystack: string, needle: string): number[] {
  const out: number[] = [];
  for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + 1)) out.push(i);
  return out;
}

/** UTF-16 index → code-point offset (the same for this corpus, which is all in the BMP). */
export const codePointOffset = (text: string, utf16Index: number): number =>
  Array.from(text.slice(0, utf16Index)).length;

/** A stable citation id from where the quote stands, so reloading never duplicates it. */
export const citationId = (source: string, offset: number, length: number): string =>
  `cit-${createHash('sha1').update(`${source}:${offset}:${length}`).digest('hex').slice(0, 12)}`;

/**
 * Finds a quote in its source. A quote must occur in the text; if it occurs more than once it
 * must say which occurrence it means. Returns an error message instead of throwing.
 */
export function locateQuote(
  citation: Citation,
  texts: ReadonlyMap<string, string>,
): LocatedQuote | string {
  const {
    quote,
    source = DEFAULT_SOURCE,
    occurrence,
  } = typeof citation === 'string' ? { quote: citation } : citation;
  const text = texts.get(source);
  if (text === undefined) return `unknown source "${source}"`;
  const found = occurrences(text, quote);
  if (found.length === 0)
    return `quote not found verbatim in ${source}: "${quote.slice(0, 40)}${quote.length > 40 ? '…' : ''}"`;
  if (occurrence === undefined && found.length > 1)
    return `quote occurs ${found.length} times in ${source}; lengthen it or give occurrence: "${quote.slice(0, 40)}"`;
  const index = found[(occurrence ?? 1) - 1];
  if (index === undefined)
    return `occurrence ${occurrence} asked, but the quote occurs ${found.length} time(s)`;
  const offset = codePointOffset(text, index);
  const length = Array.from(quote).length;
  return { id: citationId(source, offset, length), source, quote, offset, index, length };
}

/**
 * Where the reported words of a figure stand inside its quote: occurrences that are part of a
 * longer number (the "1个" in "61个") do not count; if the words stand more than once, the seed
 * must say which with `reportedOccurrence`. Returns the UTF-16 index in the source, or an error.
 */
export function locateReported(
  quote: LocatedQuote,
  reported: string,
  occurrence?: number,
): number | string {
  const digitish = /[0-9.]/;
  const at = occurrences(quote.quote, reported).filter(
    (i) => !(digitish.test(reported[0] ?? '') && digitish.test(quote.quote[i - 1] ?? '')),
  );
  if (at.length === 0) return `reported words "${reported}" are not inside the quote`;
  if (occurrence === undefined && at.length > 1)
    return `reported words "${reported}" stand ${at.length} times in the quote; give reportedOccurrence`;
  const index = at[(occurrence ?? 1) - 1];
  if (index === undefined)
    return `reportedOccurrence ${occurrence} asked, but the words stand ${at.length} time(s) in the quote`;
  return quote.index + index;
}
