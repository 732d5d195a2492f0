import { periodBounds } from './period';

describe('periodBounds', () => {
  it.each([
    ['2020', '2020-01-01', '2020-12-31'],
    ['2020-01/2020-06', '2020-01-01', '2020-06-30'],
    ['2020-H1', '2020-01-01', '2020-06-30'],
    ['2020-01/2020-09', '2020-01-01', '2020-09-30'],
    ['2020-02', '2020-02-01', '2020-02-29'],
    ['2020-04/2021-02-09', '2020-04-01', '2021-02-09'],
  ])('%s runs from %s to %s', (period, start, end) => {
    expect(periodBounds(period)).toEqual({ start, end });
  });

  it('leaves an open start open', () => {
    expect(periodBounds('../2020-12-31')).toEqual({ start: null, end: '2020-12-31' });
  });
});
