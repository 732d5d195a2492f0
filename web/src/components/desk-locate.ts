import type { Fact } from '../pages/review.query';

/**
 * Where a change's words stand in its report's text: its first citation's quote, else an
 * observation's reported words. Quotes are verbatim substrings of the text the drafter read, so
 * a plain search finds them; `occurrence` (1-based) picks among repeats, as the seed format says.
 */
export interface Located {
  readonly start: number;
  readonly end: number;
  /** The reported words inside the quote, to set them off within the highlight. */
  readonly inner?: { readonly start: number; readonly end: number };
}

interface Quote {
  readonly quote: string;
  readonly occurrence?: number;
}

function firstQuote(fact: Fact): Quote | undefined {
  const citations = fact.citations;
  if (!Array.isArray(citations) || citations.length === 0) return undefined;
  const first: unknown = citations[0];
  if (typeof first === 'string') return { quote: first };
  if (first && typeof first === 'object' && typeof (first as Quote).quote === 'string')
    return first as Quote;
  return undefined;
}

function nth(text: string, words: string, occurrence = 1, from = 0): number {
  let at = text.indexOf(words, from);
  for (let n = 1; n < occurrence && at >= 0; n++) at = text.indexOf(words, at + 1);
  return at;
}

export function locate(text: string, fact: Fact | null): Located | undefined {
  if (!fact) return undefined;
  const reported = typeof fact.reported === 'string' && fact.reported ? fact.reported : undefined;
  const quote = firstQuote(fact);
  if (quote?.quote) {
    const start = nth(text, quote.quote, quote.occurrence ?? 1);
    if (start >= 0) {
      const end = start + quote.quote.length;
      const inside = reported ? text.indexOf(reported, start) : -1;
      const inner =
        inside >= 0 && inside + reported!.length <= end
          ? { start: inside, end: inside + reported!.length }
          : undefined;
      return { start, end, inner };
    }
  }
  if (reported) {
    const start = nth(text, reported, 1);
    if (start >= 0) return { start, end: start + reported.length };
  }
  return undefined;
}
