import type { IndicatorProposal } from '../draft-shapes';
import type { VocabularyIndicator } from '../draft-vocabulary';
import { splitSentences } from '../sentences';
import { extractFigures } from './figures-extract';
import { indicatorCode, indicatorName, matchIndicator, similarity } from './indicator-match';
import { pairRates } from './rates-pair';

const figuresOf = (text: string) => extractFigures(text, splitSentences(text), []).figures;

describe('pairRates', () => {
  it('pairs a rate with the counts before it whose quotient gives it at the precision reported', () => {
    const figures = figuresOf(
      '共排查矛盾纠纷1136次,调处矛盾纠纷3851件,调解成功3773件,调解成功率98%;受理行政调解1994件,调解成功1982件,调解成功率99.4%。',
    );
    const pairs = pairRates(figures).map((p) => [
      figures[p.rate]!.value,
      figures[p.numerator]!.value,
      figures[p.denominator]!.value,
      p.confidence,
    ]);
    expect(pairs).toEqual([
      [98, 3773, 3851, 0.85],
      [99.4, 1982, 1994, 0.85],
    ]);
  });

  it('proposes no pair where no counts agree (a rate given alone, or counts that give another rate)', () => {
    expect(pairRates(figuresOf('共调处各类纠纷1248件,调解率100%。'))).toEqual([]);
    expect(pairRates(figuresOf('调处纠纷800件,调解成功700件,调解成功率99%。'))).toEqual([]);
  });
});

describe('indicators', () => {
  const known: VocabularyIndicator[] = [
    {
      code: 'mediation_success_rate',
      name: '调解成功率',
      nameEn: 'Mediation success rate',
      unit: 'percent',
      higherIsBetter: true,
    },
    {
      code: 'surveillance_cameras',
      name: '视频监控探头数',
      nameEn: 'Surveillance cameras',
      unit: 'camera',
      higherIsBetter: null,
    },
  ];

  it('match a known indicator of the same unit by the words they share', () => {
    expect(similarity('调解成功率', '调解成功率')).toBe(1);
    expect(matchIndicator('全县调解成功率为', '', 'percent', known, new Map())).toMatchObject({
      code: 'mediation_success_rate',
    });
    expect(matchIndicator('新建视频监控探头', '', 'camera', known, new Map()).code).toBe(
      'surveillance_cameras',
    );
  });

  it('propose a new one, named by the noun counted, once per name and unit', () => {
    const proposed = new Map<string, IndicatorProposal>();
    const first = matchIndicator('成立了快审团队', '快审团队', 'unit', known, proposed);
    expect(first).toMatchObject({
      code: 'draft_kuaishentuanduishu',
      proposed: {
        name: '快审团队数',
        nameEn: 'Kuaishentuanduishu (draft: translate)',
        unit: 'unit',
      },
    });
    expect(matchIndicator('另成立快审团队', '快审团队', 'unit', known, proposed)).toBe(first);
    expect(indicatorName('刑事警情同比下降', '', 'percent')).toBe('刑事警情变化');
    expect(indicatorCode('快审团队数', new Set(['draft_kuaishentuanduishu']))).toBe(
      'draft_kuaishentuanduishu_2',
    );
    // A romanised name longer than 32 letters is cut, never dropped for a generic code.
    expect(indicatorCode('矛盾纠纷多元化解调处化解中心受理数', new Set())).toBe(
      'draft_maodunjiufenduoyuanhuajietiaochu',
    );
  });

  it('strips the words before a counted noun word by word, so a noun that begins like one stays whole', () => {
    expect(indicatorName('全县建成', '共享法庭', 'unit')).toBe('共享法庭数');
    expect(indicatorName('全县', '共建成调解室', 'unit')).toBe('调解室数');
    expect(indicatorName('全县', '共有专兼职网格员', 'person')).toBe('专兼职网格员数');
    expect(indicatorName('目前', '现有调解员', 'person')).toBe('调解员数');
  });
});
