import { indicator, model, observation, principle } from '../../test/support/records';
import { type ComparedModel, compareModels, indicatorCodes } from './compare.service';

const side = (
  slug: string,
  principles: string[],
  figures: ComparedModel['figures'] = [],
): ComparedModel => ({
  model: model(slug),
  principles: principles.map(principle),
  adopters: [],
  practiceCount: principles.length,
  figures,
});
const figure = (
  key: string,
  code: string,
  over: Parameters<typeof observation>[1] = {},
): ComparedModel['figures'][number] => {
  const o = observation(key, { indicatorCode: code, ...over });
  return {
    observation: o,
    indicatorCode: code,
    unit: o.unit,
    periodKind: o.periodKind,
    period: o.period,
    sourceKind: o.sourceKind,
    scope: o.scope,
    qualifier: o.qualifier,
    regionLevel: 'COUNTY',
    denominatorIndicator: null,
  };
};

describe('compareModels', () => {
  const taihe = side(
    'taihe',
    ['self', 'law', 'virtue', 'smart', 'politics'],
    [figure('t1', 'rate'), figure('t2', 'count')],
  );
  const songming = side(
    'songming',
    ['self', 'law', 'virtue', 'clean'],
    [figure('s1', 'rate', { period: '2020-01/2020-06' })],
  );
  const indicators = new Map(['rate', 'count'].map((c) => [c, indicator(c)]));

  it("finds shared principles and each model's own", () => {
    const c = compareModels([taihe, songming], indicators);
    expect(c.models.map((m) => m.slug)).toEqual(['taihe', 'songming']);
    expect(c.sharedPrinciples.map((p) => p.slug)).toEqual(['self', 'law', 'virtue']);
    expect(c.perModel.map((m) => m.onlyPrinciples.map((p) => p.slug))).toEqual([
      ['smart', 'politics'],
      ['clean'],
    ]);
    expect(
      c.principleMatrix.map((u) => `${u.principle.slug}:${u.models.map((m) => m.slug).join('+')}`),
    ).toEqual([
      'clean:songming',
      'law:taihe+songming',
      'politics:taihe',
      'self:taihe+songming',
      'smart:taihe',
      'virtue:taihe+songming',
    ]);
  });

  it('groups figures by indicator and judges each group, comparable groups first', () => {
    const same = side('songming', ['self'], [figure('s1', 'rate')]);
    const c = compareModels([taihe, same], indicators);
    expect(
      c.figures.map((g) => [
        g.indicator.code,
        g.comparable,
        g.figures.map((f) => f.observation.key),
      ]),
    ).toEqual([
      ['rate', true, ['t1', 's1']],
      ['count', false, ['t2']],
    ]);
  });

  it('names the difference when periods differ', () => {
    const rate = compareModels([taihe, songming], indicators).figures.find(
      (g) => g.indicator.code === 'rate',
    )!;
    expect(rate.comparable).toBe(false);
    expect(rate.notes.join(' ')).toContain('periods differ');
  });

  it('refuses a figure whose indicator it was not given: the graph must hold it', () => {
    expect(() => compareModels([taihe, songming], new Map())).toThrow(
      expect.objectContaining({ code: 'INTEGRITY_ERROR' }),
    );
    expect(indicatorCodes([taihe, songming])).toEqual(['rate', 'count']);
  });
});
