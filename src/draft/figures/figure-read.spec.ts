import type { Figure, NonFigure } from '../draft-shapes';
import { splitSentences } from '../sentences';
import { extractFigures } from './figures-extract';
import type { NameSpan } from './nonfigure.rules';

/** The figures and the non-figures (with their reasons) of a short text. */
function read(text: string, names: NameSpan[] = []) {
  const { figures, nonFigures } = extractFigures(text, splitSentences(text), names);
  return {
    figures: figures.map((f: Figure & { reported: string }) => ({
      value: f.value,
      unit: f.unit,
      qualifier: f.qualifier,
      reported: f.reported,
      comparison: f.comparison?.kind,
    })),
    nonFigures: nonFigures.map((n: NonFigure) => [text.slice(n.start, n.end), n.reason]),
  };
}

describe('judging the numbers of a sentence', () => {
  it('reads counts, amounts, rates and the words that report each, cut where the next figure begins', () => {
    expect(
      read('全县共受理纠纷968件,调解成功954件,调解成功率达98.55%,涉及金额3016.29万元。').figures,
    ).toEqual([
      {
        value: 968,
        unit: 'case',
        qualifier: 'EXACT',
        reported: '全县共受理纠纷968件',
        comparison: undefined,
      },
      {
        value: 954,
        unit: 'case',
        qualifier: 'EXACT',
        reported: '调解成功954件',
        comparison: undefined,
      },
      {
        value: 98.55,
        unit: 'percent',
        qualifier: 'EXACT',
        reported: '调解成功率达98.55%',
        comparison: undefined,
      },
      {
        value: 30_162_900,
        unit: 'CNY',
        qualifier: 'EXACT',
        reported: '涉及金额3016.29万元',
        comparison: undefined,
      },
    ]);
    expect(
      read('共有5个乡镇(街道)53个村7322户进行搬迁。').figures.map((f) => [
        f.value,
        f.unit,
        f.reported,
      ]),
    ).toEqual([
      [5, 'township', '共有5个乡镇(街道)'],
      [53, 'village', '53个村'],
      [7322, 'household', '7322户进行搬迁'],
    ]);
  });

  it('reads changes with their sign and base, ranks, places gained and rates per period', () => {
    const { figures } = read(
      '刑事警情同比下降25%、治安警情下降33%,位列全市第一,较2019年上升50位,每月开展一次风险评估。',
    );
    expect(figures.map((f) => [f.value, f.unit, f.comparison])).toEqual([
      [-25, 'percent', 'YEAR_ON_YEAR'],
      [-33, 'percent', 'CHANGE_UNSTATED_BASE'],
      [1, 'rank', undefined],
      [50, 'rank-change', 'RANK_CHANGE'],
      [1, 'times-per-month', undefined],
    ]);
  });

  it('judges articles, anecdotes, relative dates, ordinals, quoted names, headings and codes not figures, with the reason', () => {
    const text =
      '两周前,兄弟两人来到法院。村规民约第十条规定,形成了一套好方法,10+2联防队伍和“两抢”警情减少。\n连续4年创建平安县\n';
    const { figures, nonFigures } = read(text);
    expect(figures).toEqual([]);
    expect(
      nonFigures.map(([words, reason]) => `${words}: ${reason.split(' (')[0]!.split(',')[0]}`),
    ).toEqual([
      '两: a relative date',
      '两: the people of an anecdote',
      '十: an ordinal label',
      '一: an indefinite article',
      '10: a label or code made of digits',
      '2: a label or code made of digits',
      '两: part of the quoted name or slogan “两抢”',
      '4: in a headline or speaker line',
    ]);
  });

  it('excuses numerals inside a known name, and covers a rate term inside the words of its figure', () => {
    const { figures, nonFigures } = read('据五华区统计,按照2000户,一户补贴500元的标准。', [
      { start: 1, end: 4, name: '五华区', kind: 'region' },
    ]);
    expect(figures.map((f) => f.reported)).toEqual(['按照2000户', '一户补贴500元的标准']);
    expect(nonFigures).toEqual([['五', 'part of the name 五华区 (region), not a figure']]);
  });

  it('takes a clause that states an aim or a forecast for a target, and a plan for a figure', () => {
    const aims = read('2025年将继续完善机制,力争调解成功率保持在95%以上,预计新建调解室30个。');
    expect(aims.figures).toEqual([]);
    expect(aims.nonFigures.map(([token, reason]) => [token, reason.split(' (')[0]])).toEqual([
      ['95', 'a target or forecast'],
      ['30', 'a target or forecast'],
    ]);
    // What the clause reports before its aim, or a plan that was made, is read.
    expect(
      read('原本计划建设30个摄像头,节约成本后建立了70个。').figures.map((f) => f.value),
    ).toEqual([30, 70]);
  });
});
