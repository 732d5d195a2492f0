/**
 * What makes two figures of one indicator comparable: the same unit, kind of time, period, scope
 * and kind of source.
 */
const FIELDS = ['unit', 'periodKind', 'period', 'scope', 'sourceKind'] as const;

export type Field = (typeof FIELDS)[number];
type Profiled = Readonly<Record<Field, string | null>>;

export interface Marked<T> {
  readonly figure: T;
  readonly comparable: boolean;
  /**
   * The fields in which it differs from the others' common profile (or, with none common, the
   * fields that vary).
   */
  readonly differs: readonly Field[];
}

const profileOf = (f: Profiled): string => FIELDS.map((k) => f[k] ?? '').join('|');

/**
 * Marks each figure comparable when it shares the profile that most of them share; the others
 * are set apart, naming how they differ. When no two figures share a profile, none is
 * comparable. A figure alone is comparable with itself.
 */
export function markComparable<T extends Profiled>(figures: readonly T[]): Marked<T>[] {
  const counts = new Map<string, number>();
  for (const f of figures) counts.set(profileOf(f), (counts.get(profileOf(f)) ?? 0) + 1);
  const [common, count] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
  if (count < 2 && figures.length > 1) {
    const varying = FIELDS.filter((k) => new Set(figures.map((f) => f[k] ?? '')).size > 1);
    return figures.map((figure) => ({ figure, comparable: false, differs: varying }));
  }
  const reference = figures.find((f) => profileOf(f) === common);
  return figures.map((figure) => {
    const differs = reference
      ? FIELDS.filter((k) => (figure[k] ?? '') !== (reference[k] ?? ''))
      : [];
    return { figure, comparable: differs.length === 0, differs };
  });
}
