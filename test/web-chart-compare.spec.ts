import { markComparable } from '../web/src/pages/chart-compare';

/** The explorer's chart sets apart figures that cannot stand beside the others. */
const figure = (period: string | null, periodKind = 'YEAR', scope: string | null = null) => ({
  unit: 'camera',
  periodKind,
  period,
  scope,
  sourceKind: 'OFFICIAL_SELF_REPORT_VIA_MEDIA',
});

describe('markComparable', () => {
  it('marks the figures that differ from the common profile, naming how', () => {
    const marked = markComparable([
      figure('2020'),
      figure('2020'),
      figure('2020-04/2021-02-09', 'SPAN'),
      figure('2020'),
    ]);
    expect(marked.map((m) => m.comparable)).toEqual([true, true, false, true]);
    expect(marked[2]!.differs).toEqual(['periodKind', 'period']);
  });

  it('marks none comparable when no two figures share a profile, naming what varies', () => {
    const marked = markComparable([
      figure('2020', 'YEAR', '全市'),
      figure('2020', 'YEAR', '全省'),
      figure('2020-H1', 'SPAN', '主城区'),
    ]);
    expect(marked.every((m) => !m.comparable)).toBe(true);
    expect(marked[0]!.differs).toEqual(['periodKind', 'period', 'scope']);
  });

  it('keeps a figure alone comparable, and an empty list empty', () => {
    expect(markComparable([figure('2020')])).toEqual([
      { figure: figure('2020'), comparable: true, differs: [] },
    ]);
    expect(markComparable([])).toEqual([]);
  });
});
