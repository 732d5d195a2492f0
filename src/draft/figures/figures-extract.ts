import { occurrences } from '../../facts/citations';
import { numberTokens } from '../../facts/figures';
import type { Figure, NonFigure, Sentence } from '../draft-shapes';
import { judgeNumber } from './figure-read';
import type { NameSpan } from './nonfigure.rules';
import { readNumber } from './numbers';
import { isHeader, isRow, rowFigures } from './table-figures';

/**
 * Every number of the report, sentence by sentence: figures with the words that report them, and
 * non-figures with their reasons.
 */

export interface SentenceFigure extends Figure {
  readonly sentence: Sentence;
  /** The words that report it (its clause, cut where the figures beside it begin). */
  readonly reported: string;
  /** UTF-16 index of `reported` in the source. */
  readonly reportedIndex: number;
  /**
   * Which occurrence of `reported` inside the quote (1-based), when it stands there more than once.
   */
  readonly reportedOccurrence?: number;
}

export interface Extraction {
  readonly figures: SentenceFigure[];
  /** Numbers that are not figures and lie inside no figure's reported words. */
  readonly nonFigures: NonFigure[];
}

const CLAUSE_STOP = /[,,。;;::!!??]/;

/** Judges every number token of the text in its sentence. */
export function extractFigures(
  text: string,
  sentences: readonly Sentence[],
  names: readonly NameSpan[],
): Extraction {
  const tokens = numberTokens(text);
  const figures: SentenceFigure[] = [];
  const judged: NonFigure[] = [];
  let header: Sentence | undefined;
  for (const sentence of sentences) {
    if (!isRow(sentence)) header = undefined;
    else if (isHeader(sentence)) {
      header = sentence;
      continue;
    } else if (header) {
      figures.push(...rowFigures(header, sentence).map((f) => cellFigure(sentence, f)));
      continue;
    }
    const end = sentence.index + sentence.text.length;
    const here = tokens.filter((t) => t.index >= sentence.index && t.index < end);
    const found: Figure[] = [];
    for (const t of here) {
      if (found.some((f) => t.index >= f.start && t.index < f.end)) continue;
      const reading = readNumber(text, t.index, t.text);
      const previousUnit = [...found].reverse().find((f) => f.unit !== 'percent')?.unit;
      const verdict = judgeNumber(
        { text, sentence, index: t.index, token: t.text, reading, names },
        previousUnit,
      );
      if ('unit' in verdict) found.push(verdict);
      else judged.push(verdict);
    }
    figures.push(...withReportedWords(sentence, found));
  }
  const covered = (n: NonFigure) =>
    figures.some((f) => n.start >= f.reportedIndex && n.end <= f.reportedIndex + f.reported.length);
  return { figures, nonFigures: judged.filter((n) => !covered(n)) };
}

/** A table cell's figure is reported by the cell's own words. */
function cellFigure(sentence: Sentence, f: Figure): SentenceFigure {
  const at = f.start - sentence.index;
  const reported = sentence.text.slice(at, f.end - sentence.index);
  return {
    ...f,
    sentence,
    reported,
    reportedIndex: f.start,
    reportedOccurrence: occurrenceIn(sentence.text, reported, at),
  };
}

/**
 * Each figure's reported words: its clause, from the end of the figure before it to the start of
 * the figure after it.
 */
function withReportedWords(sentence: Sentence, found: readonly Figure[]): SentenceFigure[] {
  const s = sentence.text;
  let claimed = 0;
  return found.map((f, i) => {
    const from = f.start - sentence.index;
    const to = f.end - sentence.index;
    let a = from;
    while (a > claimed && !CLAUSE_STOP.test(s[a - 1]!)) a -= 1;
    let b = to;
    while (b < s.length && !CLAUSE_STOP.test(s[b]!)) b += 1;
    const next = found[i + 1];
    if (next) b = Math.min(b, next.start - sentence.index);
    // The words between two figures go with the one before (5个乡镇(街道) | 53个村).
    claimed = b;
    while (a < from && /[\s、]/.test(s[a]!)) a += 1;
    while (b > to && /[\s、]/.test(s[b - 1]!)) b -= 1;
    const reported = s.slice(a, b);
    return {
      ...f,
      sentence,
      reported,
      reportedIndex: sentence.index + a,
      reportedOccurrence: occurrenceIn(s, reported, a),
    };
  });
}

/**
 * Which occurrence of the words at `at` (1-based) the checker will count, when it counts more than
 * one (it skips those that continue a number).
 */
function occurrenceIn(quote: string, words: string, at: number): number | undefined {
  const digitish = /[0-9.]/;
  const all = occurrences(quote, words).filter(
    (i) => !(digitish.test(words[0] ?? '') && digitish.test(quote[i - 1] ?? '')),
  );
  return all.length > 1 ? all.indexOf(at) + 1 : undefined;
}
