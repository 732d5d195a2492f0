import { compareFigures, type FigureFacts } from './comparability';

const base: FigureFacts = { model: 'a', unit: 'percent', period: '2020', sourceKind: 'OFFICIAL_SELF_REPORT_VIA_MEDIA', scope: null, qualifier: 'EXACT', denominatorIndicator: 'disputes_mediated', regionLevel: 'COUNTY' };

describe('compareFigures', () => {
  it('finds two like figures comparable', () => {
    expect(compareFigures([base, { ...base, model: 'b' }])).toEqual({ comparable: true, notes: [] });
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

  it('notes, without blocking, a difference in precision', () => {
    const verdict = compareFigures([base, { ...base, model: 'b', qualifier: 'MORE_THAN' }]);
    expect(verdict).toEqual({ comparable: true, notes: [expect.stringContaining('precision differ')] });
  });

  it('does not compare figures from one model only', () => {
    expect(compareFigures([base, base]).comparable).toBe(false);
  });
});
