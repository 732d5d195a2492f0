/**
 * Ranking quality over judged queries. A judgement grades the ids a person would expect near the
 * top (3: the answer, 2: clearly wanted, 1: relevant); ids it does not name count as irrelevant.
 */
export type Grades = ReadonlyMap<string, number>;

/** 1 / rank of the first relevant id (graded above 0), 0 when none is in the list. */
export function reciprocalRank(ranked: readonly string[], grades: Grades): number {
  const at = ranked.findIndex((id) => (grades.get(id) ?? 0) > 0);
  return at === -1 ? 0 : 1 / (at + 1);
}

/** Discounted cumulative gain with exponential gain: Σ (2^grade − 1) / log2(rank + 1). */
export function dcg(gradesInOrder: readonly number[]): number {
  return gradesInOrder.reduce((sum, g, i) => sum + (2 ** g - 1) / Math.log2(i + 2), 0);
}

/**
 * DCG of the first k results over that of the best possible order of the judged ids (1 when nothing
 * is judged relevant there is nothing to miss: callers skip such queries).
 */
export function ndcgAt(k: number, ranked: readonly string[], grades: Grades): number {
  const ideal = dcg(
    [...grades.values()]
      .filter((g) => g > 0)
      .sort((a, b) => b - a)
      .slice(0, k),
  );
  if (ideal === 0) return 1;
  return dcg(ranked.slice(0, k).map((id) => grades.get(id) ?? 0)) / ideal;
}

export const mean = (xs: readonly number[]): number =>
  xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0;

/** The p-th percentile (0 … 100) of a sample, nearest rank; null when empty. */
export function percentile(xs: readonly number[], p: number): number | null {
  if (!xs.length) return null;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[
    Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  ]!;
}
