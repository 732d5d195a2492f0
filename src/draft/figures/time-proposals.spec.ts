import { type LocatedQuote, locateQuote } from '../../facts/citations';
import { sections as sectionsOf } from '../../facts/report-parts';
import { splitSentences } from '../sentences';
import { proposeTime } from './time-proposals';

const SOURCE = 'report';
const PUBLISHED = '2021-02-09';

/** The time proposed for the figure whose words are `words`, in `text`. */
function timeOf(text: string, words: string, unit = 'case') {
  const sentences = splitSentences(text);
  const sentence = sentences.find((s) => s.text.includes(words))!;
  const quote = locateQuote(
    { quote: sentence.text, source: SOURCE },
    new Map([[SOURCE, text]]),
  ) as LocatedQuote;
  const figureEnd = text.indexOf(words) + words.length;
  return proposeTime({
    text,
    sourceId: SOURCE,
    published: PUBLISHED,
    sentence,
    sentences,
    sections: sectionsOf(text),
    figureEnd,
    unit,
    quote,
  });
}

describe('proposeTime', () => {
  it('reads a month, a span to the report, a quarter run and a year-end stock or total', () => {
    expect(timeOf('2020年4月,法院成立了15个快审团队。', '15个')).toMatchObject({
      time: 'SPAN',
      period: '2020-04',
    });
    expect(timeOf('自2020年4月以来,共分流290件。', '290件')).toMatchObject({
      time: 'SPAN',
      period: '2020-04/2021-02-09',
    });
    expect(timeOf('在2020年前三季度通报中,9个街道均为绿色。', '9个', 'township')).toMatchObject({
      time: 'SPAN',
      period: '2020-01/2020-09',
    });
    expect(timeOf('截至2020年底,共建成智慧安防小区61个。', '61个', 'compound')).toMatchObject({
      time: 'AS_OF',
      period: '2020-12-31',
    });
    expect(timeOf('截至2020年底,共化解纠纷612件。', '612件')).toMatchObject({
      time: 'CUMULATIVE',
      period: '../2020-12-31',
    });
    expect(timeOf('截至2020年底,在建小区31个。', '31个', 'compound')).toMatchObject({
      time: 'AS_OF',
      period: '2020-12-31',
    });
  });

  it('reads running totals and stocks at the report, runs of years, and the year of the sentence or its section', () => {
    expect(timeOf('自搬迁入住以来,累计摸排信息35条。', '35条', 'item')).toMatchObject({
      time: 'CUMULATIVE',
      period: '../2021-02-09',
    });
    expect(timeOf('目前,全县有自然村2601个。', '2601个', 'village')).toMatchObject({
      time: 'AS_OF',
      period: '2021-02-09',
    });
    expect(timeOf('2020年,石林县已连续4年成功创建平安县。', '4年', 'year')).toMatchObject({
      time: 'SPAN',
      period: '2017/2020',
    });
    expect(timeOf('2020年,较2019年上升50位。', '50位', 'rank-change')).toMatchObject({
      time: 'YEAR',
      period: '2020',
    });
    expect(
      timeOf('某县委书记甲:\n2020年,某县狠抓落实。\n全县巡逻队伍4支。', '4支', 'unit'),
    ).toMatchObject({ time: 'YEAR', period: '2020', reason: expect.stringContaining('section') });
  });

  it('proposes UNDATED, with the reason, where no reading is stated or the rule refuses them all', () => {
    expect(timeOf('兄弟讨要劳务费4.4万元。', '4.4万元', 'CNY')).toMatchObject({
      time: 'UNDATED',
      reason: expect.stringContaining('states when'),
    });
    const refused = timeOf('某县委书记甲:\n去年全县成立调解组织24个。', '24个', 'organisation');
    expect(refused.time).toBe('UNDATED');
    expect(refused.reason).toMatch(
      /no reading the time rule accepts \(YEAR 2020: .*neither its quote nor its section/,
    );
  });
});
