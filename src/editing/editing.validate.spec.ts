import { factKey, factReferences } from './editing-facts';
import { citedSources, type FactGraph, factProblems, parseFact } from './editing.validate';

const TEXT =
  '2020年,盘龙区全力推动政法各项工作开展。全区各级人民调解组织共调处各类矛盾纠纷7281件,调处成功7279件,调处成功率为99.97%。';
const graph = (over: Partial<FactGraph> = {}): FactGraph => ({
  missing: [],
  texts: new Map([['kunming-2020', TEXT]]),
  published: new Map([['kunming-2020', '2021-02-09']]),
  models: new Map(),
  indicatorUnit: 'case',
  ...over,
});
const observation = (over: Record<string, unknown> = {}) => ({
  id: 'x-disputes',
  indicator: 'disputes_mediated',
  value: 7281,
  unit: 'case',
  time: 'YEAR',
  period: '2020',
  region: '530103',
  reported: '矛盾纠纷7281件',
  citations: ['全区各级人民调解组织共调处各类矛盾纠纷7281件'],
  ...over,
});
const parsed = (type: Parameters<typeof parseFact>[0], raw: unknown) => {
  const p = parseFact(type, raw);
  if ('problems' in p) throw new Error(JSON.stringify(p.problems));
  return p.fact;
};

describe('proposed facts', () => {
  it('reports schema problems with the path of each field', () => {
    const result = parseFact('PRACTICE', { id: 'Bad Id', models: [] });
    expect('problems' in result && result.problems.map((p) => p.field)).toEqual(
      expect.arrayContaining(['id', 'name', 'region', 'models']),
    );
  });

  it('accepts a figure whose words stand in its quote, in a sentence that dates it', () => {
    expect(factProblems('OBSERVATION', parsed('OBSERVATION', observation()), graph())).toEqual([]);
  });

  it("refuses a figure whose quote is not in the source, whose words are not in its quote, or whose unit is not its indicator's", () => {
    const fields = (over: Record<string, unknown>, g = graph()) =>
      factProblems('OBSERVATION', parsed('OBSERVATION', observation(over)), g).map((p) => p.field);
    expect(fields({ citations: ['不在原文中的句子'] })).toEqual(
      expect.arrayContaining(['citations.0', 'reported']),
    );
    expect(fields({ reported: '7279件' })).toEqual(['reported']);
    expect(fields({}, graph({ indicatorUnit: 'percent' }))).toEqual(['unit']);
    expect(fields({ time: 'UNDATED' })).toEqual(['period']);
  });

  it('refuses a fact with neither a quote nor an editorial basis, and names unknown references', () => {
    const practice = parsed('PRACTICE', {
      id: 'p',
      name: '试点',
      nameEn: 'Pilot',
      region: '530199',
      models: ['m'],
      category: 'MEDIATION',
      status: 'PILOT',
    });
    const problems = factProblems(
      'PRACTICE',
      practice,
      graph({ missing: [['Region', 'code', '530199', 'region']] }),
    );
    expect(problems.map((p) => p.field)).toEqual(['region', 'citations']);
  });

  it('keys facts and lists their references in a fixed order', () => {
    const link = parsed('LINEAGE_LINK', {
      from: 'a',
      to: 'b',
      relation: 'EXTENSION',
      editorial: { basis: 'x' },
    });
    expect(factKey('LINEAGE_LINK', link)).toBe('a>b');
    expect(
      factReferences('OBSERVATION', parsed('OBSERVATION', observation({ practice: 'p' }))).map(
        ([label, , key, field]) => `${label}:${key}@${field}`,
      ),
    ).toEqual([
      'Indicator:disputes_mediated@indicator',
      'Unit:case@unit',
      'Region:530103@region',
      'Practice:p@practice',
    ]);
    expect(
      factProblems(
        'LINEAGE_LINK',
        parsed('LINEAGE_LINK', {
          from: 'a',
          to: 'a',
          relation: 'EXTENSION',
          editorial: { basis: 'x' },
        }),
        graph(),
      ).map((p) => p.field),
    ).toContain('to');
  });

  it('finds the sources a fact cites, at any depth', () => {
    const model = parsed('MODEL', {
      slug: 'm',
      name: '模式',
      nameEn: 'M',
      pinyin: 'Móshì',
      kind: 'MODEL',
      citations: ['a'],
      derivedFrom: [
        { slug: 'n', relation: 'EXTENSION', citations: [{ quote: 'b', source: 'other-report' }] },
      ],
    });
    expect(citedSources(model).sort()).toEqual(['kunming-2020', 'other-report']);
  });
});
