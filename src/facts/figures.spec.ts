import { agreesAtReportedPrecision, numberTokens } from './figures';

describe('numberTokens', () => {
  it('finds figures and passes over years and dates', () => {
    const text =
      '作者:沈莹 发布时间:2021-02-09 10:02 2020年4月,共分流290件案件,成功率46.55%。2021年1月27日,连续3年,10年无诉讼';
    expect(numberTokens(text).map((t) => t.text)).toEqual(['290', '46.55', '3', '10']);
  });
});

describe('agreesAtReportedPrecision', () => {
  it('compares at the precision the text reports', () => {
    expect(agreesAtReportedPrecision(99.97, (7279 / 7281) * 100)).toBe(true);
    expect(agreesAtReportedPrecision(99, (1359 / 1370) * 100)).toBe(true);
    expect(agreesAtReportedPrecision(98.5, (730 / 800) * 100)).toBe(false);
  });
});
