import { normalizeKey, pinyinKeyOf } from './search-keys';

/**
 * User text (validated by SearchArgs) → a Lucene query that matches the words as typed: special
 * characters escaped, boolean keywords neutralised, so no input can change the query's
 * structure or fail to parse.
 */
export function toLuceneQuery(text: string): string {
  return text
    .trim()
    .replace(/[+\-&|!(){}[\]^"~*?:\\/]/g, (c) => `\\${c}`)
    .replace(/\b(AND|OR|NOT|TO)\b/g, (w) => w.toLowerCase());
}

/** The query in every form the statement compares or looks up. */
export interface QueryKeys {
  /** As typed, trimmed: for snippets. */
  readonly text: string;
  /**
   * Normalised like the stored names (`Fēngqiáo` → `fengqiao`); empty when the text is only
   * punctuation.
   */
  readonly key: string;
  /**
   * The pinyin key of a Chinese query (`枫桥` → `fengqiao`), to find homophones; null for other text.
   */
  readonly pinyin: string | null;
  /**
   * Its words, normalised, when it has more than one (`red-armband volunteers`): a name holding
   * every word is a contained match.
   */
  readonly words: string[];
  /** For the Chinese full-text indexes. */
  readonly lucene: string;
  /**
   * For the English ones: the text without its Han characters (which the English analyzer would
   * match one by one), or null when nothing else is left.
   */
  readonly english: string | null;
  /**
   * For the keys index: names with a tail starting with the key (or the pinyin). Keys hold letters
   * and digits only.
   */
  readonly prefix: string;
}

export function queryKeys(text: string): QueryKeys {
  const key = normalizeKey(text);
  const py = pinyinKeyOf(text);
  const pinyin = py && py !== key ? py : null;
  const latin = text.replace(/\p{Script=Han}+/gu, ' ');
  const words = [...new Set(text.split(/\s+/).map(normalizeKey).filter(Boolean))];
  return {
    text: text.trim(),
    key,
    pinyin,
    words: words.length > 1 ? words : [],
    lucene: toLuceneQuery(text),
    english: /[\p{L}\p{N}]/u.test(latin) ? toLuceneQuery(latin) : null,
    prefix: [key, pinyin]
      .filter(Boolean)
      .map((k) => `${k}*`)
      .join(' OR '),
  };
}
