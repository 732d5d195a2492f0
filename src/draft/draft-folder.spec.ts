import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { clientMutationIdOf, figuresInOrder, proposalOf, readDraftFolder } from './draft-folder';

/**
 * A small draft folder as `zhili draft` writes it: one source, a candidate model, two figures and a
 * rate of them.
 */
const TEXT =
  '测试县2021年共受理矛盾纠纷200件,调解成功190件,调解成功率95%。测试县推广“测试调解模式”。';
const QUOTE = {
  quote: '测试县2021年共受理矛盾纠纷200件,调解成功190件,调解成功率95%。',
  source: 'test-report',
};
const figure = (
  id: string,
  indicator: string,
  value: number,
  reported: string,
  more: Record<string, unknown> = {},
) => ({
  id,
  indicator,
  value,
  unit: indicator.endsWith('rate') ? 'percent' : 'case',
  qualifier: 'EXACT',
  time: 'YEAR',
  period: '2021',
  region: '530322',
  reported,
  citations: [QUOTE],
  ...more,
});
function writeFolder(dir: string): void {
  mkdirSync(path.join(dir, 'sources'), { recursive: true });
  writeFileSync(path.join(dir, 'sources', 'test-report.txt'), TEXT);
  const put = (file: string, value: unknown) =>
    writeFileSync(path.join(dir, file), `# drafted\n${stringify(value)}`);
  put('sources.yaml', {
    sources: [
      {
        id: 'test-report',
        file: 'test-report.txt',
        title: '测试报道',
        published: '2022-01-18T10:00:00+08:00',
        language: 'zh',
        kind: 'MEDIA',
        sha256: 'a'.repeat(64),
      },
    ],
  });
  put('models.yaml', {
    models: [
      {
        slug: 'ceshitiaojie-model',
        name: '测试调解模式',
        nameEn: 'Ceshitiaojie Model',
        pinyin: 'cè shì tiáo jiě mó shì',
        kind: 'MODEL',
        summary: '候选',
        citations: [{ quote: '测试县推广“测试调解模式”。', source: 'test-report' }],
      },
    ],
  });
  put('observations.yaml', {
    observations: [
      figure('test-report-003-rate', 'mediation_success_rate', 95, '调解成功率95%', {
        numerator: 'test-report-002-successes',
        denominator: 'test-report-001-disputes',
      }),
      figure('test-report-001-disputes', 'draft_shouli', 200, '共受理矛盾纠纷200件'),
      figure('test-report-002-successes', 'disputes_mediated_successfully', 190, '调解成功190件'),
    ],
  });
  put('indicators.yaml', {
    indicators: [
      {
        code: 'draft_shouli',
        name: '受理矛盾纠纷数',
        nameEn: 'Shouli',
        unit: 'case',
        higherIsBetter: null,
      },
    ],
  });
}
const FOLDER = mkdtempSync(path.join(os.tmpdir(), 'zhili-propose-spec-'));
beforeAll(() => writeFolder(FOLDER));
afterAll(() => rmSync(FOLDER, { recursive: true, force: true }));

describe('propose: the plan', () => {
  it('gives a fact the same id whatever the order of its keys, and another fact another id', () => {
    const a = clientMutationIdOf('OBSERVATION', {
      id: 'x',
      value: 1,
      citations: [{ quote: 'q', source: 's' }],
    });
    expect(
      clientMutationIdOf('OBSERVATION', {
        citations: [{ source: 's', quote: 'q' }],
        value: 1,
        id: 'x',
      }),
    ).toBe(a);
    expect(
      clientMutationIdOf('OBSERVATION', {
        id: 'x',
        value: 2,
        citations: [{ quote: 'q', source: 's' }],
      }),
    ).not.toBe(a);
    expect(
      clientMutationIdOf('MODEL', { id: 'x', value: 1, citations: [{ quote: 'q', source: 's' }] }),
    ).not.toBe(a);
    expect(a.length).toBeLessThanOrEqual(100);
  });

  it("puts the parts of a rate before the rate, each group in the draft's order", () => {
    const order = figuresInOrder([
      { id: 'rate', numerator: 'b', denominator: 'a' },
      { id: 'a' },
      { id: 'b' },
    ]).map((o) => o.id);
    expect(order).toEqual(['a', 'b', 'rate']);
  });

  it('reads a draft folder in dependency order: the source with its text, new indicators, models, figures', () => {
    const folder = readDraftFolder(FOLDER);
    const types = folder.proposals.map((p) => p.type);
    expect(types[0]).toBe('SOURCE');
    expect(types[1]).toBe('INDICATOR');
    expect(types.lastIndexOf('MODEL')).toBeLessThan(types.indexOf('OBSERVATION'));
    const source = folder.proposals[0]!;
    expect(source.fact).not.toHaveProperty('file');
    expect(source.fact.text).toBe(TEXT);
    expect(source.requires).toEqual([]);
    expect(folder.proposals.map((p) => p.key)).toEqual([
      'test-report',
      'draft_shouli',
      'ceshitiaojie-model',
      'test-report-001-disputes',
      'test-report-002-successes',
      'test-report-003-rate',
    ]);
    expect(folder.proposals.flatMap((p) => p.problems)).toEqual([]);
    expect(folder.newIndicators.get('draft_shouli')).toBe('受理矛盾纠纷数');
  });

  it('lists what a figure needs: its source, indicator, unit, region and the parts of a rate', () => {
    const rate = readDraftFolder(FOLDER).proposals.find((p) => p.key === 'test-report-003-rate')!;
    expect(rate.requires.map((r) => `${r.label}:${r.key}`)).toEqual([
      'Source:test-report',
      'Indicator:mediation_success_rate',
      'Unit:percent',
      'Region:530322',
      'Observation:test-report-002-successes',
      'Observation:test-report-001-disputes',
    ]);
  });

  it('keeps a fact its schema refuses from being sent, with its problems', () => {
    const bad = proposalOf('OBSERVATION', { id: 'x', value: 'many' });
    expect(bad.problems.length).toBeGreaterThan(0);
    expect(bad.problems.map((p) => p.field)).toContain('value');
  });
});
