import { dcg, mean, ndcgAt, percentile, reciprocalRank } from './search-metrics';

const grades = new Map([
  ['a', 3],
  ['b', 2],
  ['c', 1],
]);

describe('reciprocal rank', () => {
  it('is 1 / the rank of the first judged id, 0 when none is listed', () => {
    expect(reciprocalRank(['a', 'x'], grades)).toBe(1);
    expect(reciprocalRank(['x', 'y', 'c'], grades)).toBeCloseTo(1 / 3);
    expect(reciprocalRank(['x', 'y'], grades)).toBe(0);
    expect(reciprocalRank(['x', 'z'], new Map([['z', 0]]))).toBe(0);
  });

  it('averages to MRR', () => {
    expect(mean([1, 0.5, 0])).toBe(0.5);
    expect(mean([])).toBe(0);
  });
});

describe('nDCG@k', () => {
  it('sums exponential gains discounted by log2 of the rank', () => {
    expect(dcg([3, 2])).toBeCloseTo(7 + 3 / Math.log2(3));
    expect(dcg([])).toBe(0);
  });

  it('is 1 for the ideal order and less for any other', () => {
    expect(ndcgAt(5, ['a', 'b', 'c'], grades)).toBe(1);
    expect(ndcgAt(5, ['b', 'a', 'c'], grades)).toBeLessThan(1);
    expect(ndcgAt(5, ['x', 'a', 'b', 'c'], grades)).toBeLessThan(
      ndcgAt(5, ['a', 'x', 'b', 'c'], grades),
    );
    expect(ndcgAt(5, ['x', 'y'], grades)).toBe(0);
  });

  it('looks at the first k only, against the best k the judgement allows', () => {
    const many = new Map(['a', 'b', 'c', 'd', 'e', 'f'].map((id) => [id, 1] as [string, number]));
    expect(ndcgAt(5, ['a', 'b', 'c', 'd', 'e'], many)).toBe(1);
    expect(ndcgAt(2, ['x', 'a'], grades)).toBeCloseTo(7 / Math.log2(3) / (7 + 3 / Math.log2(3)));
  });

  it('counts a misplaced answer: the grade-3 id fifth scores far below first', () => {
    const fifth = ndcgAt(5, ['b', 'c', 'x', 'y', 'a'], grades);
    expect(fifth).toBeGreaterThan(0);
    expect(fifth).toBeLessThan(0.7);
  });
});

describe('percentile', () => {
  it('takes the nearest rank', () => {
    const xs = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(xs, 50)).toBe(50);
    expect(percentile(xs, 95)).toBe(95);
    expect(percentile(xs, 99)).toBe(99);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeNull();
  });
});
