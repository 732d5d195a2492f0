import { parseChineseNumeral, readNumber } from './numbers';

describe('parseChineseNumeral', () => {
  it.each([
    ['十', 10],
    ['两', 2],
    ['二十三', 23],
    ['一百五十', 150],
    ['一千二百', 1200],
    ['三万', 30_000],
    ['一亿三千万', 130_000_000],
    ['零', 0],
  ])('%s is %d', (run, value) => expect(parseChineseNumeral(run)).toBe(value));

  it('refuses runs that are names, not numbers (十三五)', () => {
    expect(parseChineseNumeral('十三五')).toBeNaN();
    expect(parseChineseNumeral('五治')).toBeNaN();
  });
});

describe('readNumber', () => {
  const read = (text: string, token: string) => readNumber(text, text.indexOf(token), token);

  it('expands 万 and 亿 after digits, with 余/多 before or after them', () => {
    expect(read('劳务费共计4.4万元。', '4.4')).toMatchObject({
      value: 44_000,
      measure: '元',
      qualifier: 'EXACT',
    });
    expect(read('支付800余万元工资', '800')).toMatchObject({
      value: 8_000_000,
      measure: '元',
      qualifier: 'MORE_THAN',
    });
    expect(read('流动人口17.2万余人', '17.2')).toMatchObject({
      value: 172_000,
      measure: '人',
      qualifier: 'MORE_THAN',
    });
    expect(read('撬动社会资金1.2亿元', '1.2')).toMatchObject({ value: 120_000_000, measure: '元' });
  });

  it('reads the qualifiers: 多 after a measure, 以上, and 超过/近/不超过 before', () => {
    expect(read('大概还要等3个多月', '3')).toMatchObject({
      value: 3,
      measure: '个月',
      qualifier: 'MORE_THAN',
    });
    expect(read('围水墙2米多。', '2')).toMatchObject({ measure: '米', qualifier: 'MORE_THAN' });
    expect(read('辖区90%以上的小区', '90')).toMatchObject({ measure: '%', qualifier: 'AT_LEAST' });
    expect(read('观看人数超过10万人', '10')).toMatchObject({
      value: 100_000,
      qualifier: 'MORE_THAN',
    });
    expect(read('覆盖农户近2000户', '2000')).toMatchObject({ qualifier: 'ABOUT', measure: '户' });
    expect(read('制定了不超过10条的村规民约', '10')).toMatchObject({
      qualifier: 'AT_MOST',
      measure: '条',
    });
  });

  it('leaves a 多 that starts another word alone (一个多元化), and finds no measure where there is none', () => {
    expect(read('建立一个多元化解机制', '一')).toMatchObject({ measure: '个', qualifier: 'EXACT' });
    expect(read('命案零发生', '零')).toMatchObject({ value: 0, measure: null });
  });
});
