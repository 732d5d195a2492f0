import { compareFigures, type FigureFacts } from './comparability';

const base: FigureFacts = {
  model: 'a',
  unit: 'percent',
  periodKind: 'YEAR',
  period: '2020',
  sourceKind: 'OFFICIAL_SELF_REPORT_VIA_MEDIA',
  scope: null,
  qualifier: 'EXACT',
  denominatorIndicator: 'disputes_mediated',
  regionLevel: 'COUNTY',
};

describe('compareFigures', () => {
  it('finds two like figures comparable', () => {
    expect(compareFigures([base, { ...base, model: 'b' }])).toEqual({
      comparable: true,
      notes: [],
    });
  });

  it.each([
    ['periods', { period: '2020-01/2020-06' }],
    ['source kinds', { sourceKind: 'INDEPENDENT_EVALUATION' }],
    ['denominators', { denominatorIndicator: null }],
    ['scopes', { scope: '全省' }],
    ['area levels', { regionLevel: 'TOWNSHIP' }],
  ])('says so when %s differ', (what, change) => {
    const verdict = compareFigures([base, { ...base, model: 'b', ...change }]);
    expect(verdict.comparable).toBe(false);
    expect(verdict.notes.join('\n')).toContain(`${what} differ`);
  });

  it('says "cumulative vs annual" when one figure is a running total and the other a year\'s', () => {
    const verdict = compareFigures([
      base,
      { ...base, model: 'b', periodKind: 'CUMULATIVE', period: '../2021-02-09' },
    ]);
    expect(verdict.comparable).toBe(false);
    expect(verdict.notes).toContainEqual(
      'kinds of time differ: annual vs cumulative (a annual; b cumulative)',
    );
  });

  it('says which figure is undated, even when both are', () => {
    const undated = { ...base, periodKind: 'UNDATED', period: null };
    const verdict = compareFigures([undated, { ...undated, model: 'b' }]);
    expect(verdict.comparable).toBe(false);
    expect(verdict.notes).toEqual(['undated: a, b state no time for the figure']);
  });

  it('notes, without blocking, a difference in precision', () => {
    const verdict = compareFigures([base, { ...base, model: 'b', qualifier: 'MORE_THAN' }]);
    expect(verdict).toEqual({
      comparable: true,
      notes: [expect.stringContaining('precision differ')],
    });
  });

  it('does not compare figures from one model only', () => {
    expect(compareFigures([base, base]).comparable).toBe(false);
  });
});
