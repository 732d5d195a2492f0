/**
 * When can two reported figures be set side by side? (RDF Data Cube / SDMX: the same measure,
 * unit, period, area level and kind of source.) Figures of different indicators are never
 * compared: the caller groups by indicator. Within a group, each difference below is named.
 */
export interface FigureFacts {
  readonly model: string;
  readonly unit: string;
  readonly periodKind: string;
  readonly period: string | null;
  readonly sourceKind: string;
  readonly scope: string | null;
  readonly qualifier: string;
  /** Indicator code of the denominator's count, if the text gives one. */
  readonly denominatorIndicator: string | null;
  readonly regionLevel: string;
}

export interface Verdict {
  readonly comparable: boolean;
  readonly notes: string[];
}

const distinct = <T>(xs: readonly T[]) => [...new Set(xs)];

/**
 * Kinds of time in a reader's words: a yearly figure and a running total are not the same thing.
 */
const TIME_WORDS: Record<string, string> = {
  YEAR: 'annual',
  SPAN: 'span',
  AS_OF: 'stock as of a date',
  CUMULATIVE: 'cumulative',
  UNDATED: 'undated',
};
const timeWords = (kind: string) => TIME_WORDS[kind] ?? kind.toLowerCase();

/** Notes on when the figures hold: undated ones, and kinds that differ (cumulative vs annual). */
function timeNotes(figures: readonly FigureFacts[]): string[] {
  const notes: string[] = [];
  const undated = figures.filter((f) => f.periodKind === 'UNDATED');
  if (undated.length > 0)
    notes.push(
      `undated: ${distinct(undated.map((f) => f.model)).join(', ')} state${undated.length === 1 ? 's' : ''} no time for the figure`,
    );
  const kinds = distinct(figures.map((f) => f.periodKind));
  if (kinds.length > 1)
    notes.push(
      `kinds of time differ: ${kinds.map(timeWords).join(' vs ')} (${figures.map((f) => `${f.model} ${timeWords(f.periodKind)}`).join('; ')})`,
    );
  return notes;
}

export function compareFigures(figures: readonly FigureFacts[]): Verdict {
  const notes: string[] = [];
  let comparable = true;
  const differ = (what: string, pick: (f: FigureFacts) => string | null, blocking = true) => {
    const values = distinct(figures.map((f) => pick(f) ?? '—'));
    if (values.length > 1) {
      notes.push(
        `${what} differ: ${figures.map((f) => `${f.model} ${pick(f) ?? '—'}`).join('; ')}`,
      );
      if (blocking) comparable = false;
    }
  };
  const models = distinct(figures.map((f) => f.model));
  if (models.length < 2) {
    notes.push(`only ${models[0] ?? 'no model'} reports this indicator`);
    comparable = false;
  }
  differ('units', (f) => f.unit);
  const times = timeNotes(figures);
  if (times.length > 0) comparable = false;
  notes.push(...times);
  differ('periods', (f) => f.period);
  differ('source kinds', (f) => f.sourceKind);
  differ('scopes', (f) => f.scope);
  differ('denominators', (f) =>
    f.denominatorIndicator ? `counted over ${f.denominatorIndicator}` : 'no counts given',
  );
  differ('area levels', (f) => f.regionLevel);
  differ('precision', (f) => f.qualifier, false);
  return { comparable, notes };
}
