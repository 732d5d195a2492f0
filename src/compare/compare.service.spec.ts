import { indicator, model, observation, principle } from '../../test/support/records';
import { type ComparedModel, compareModels } from './compare.service';

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
  judged = true,
): ComparedModel['figures'][number] => {
  const o = observation(key, { indicatorCode: code, ...over });
  const facts = {
    unit: o.unit,
    periodKind: o.periodKind,
    period: o.period,
    sourceKind: o.sourceKind,
    scope: o.scope,
    qualifier: o.qualifier,
    regionLevel: 'COUNTY' as const,
    denominatorIndicator: null,
  };
  return { observation: o, indicator: indicator(code), facts: judged ? facts : null };
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

  it("finds shared principles and each model's own", () => {
    const c = compareModels([taihe, songming]);
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

  it('groups figures by indicator, in code order, and judges each group', () => {
    const same = side('songming', ['self'], [figure('s1', 'rate')]);
    const c = compareModels([taihe, same]);
    expect(
      c.figures.map((g) => [
        g.indicator.code,
        g.comparable,
        g.figures.map((f) => f.observation.key),
      ]),
    ).toEqual([
      ['count', false, ['t2']],
      ['rate', true, ['t1', 's1']],
    ]);
  });

  it('judges nothing when the figures came without their facts (no verdict was selected)', () => {
    const plain = side('songming', ['self'], [figure('s1', 'rate', {}, false)]);
    const bare = side('taihe', ['self'], [figure('t1', 'rate', {}, false)]);
    const [rate] = compareModels([bare, plain]).figures;
    expect(rate).toMatchObject({ comparable: false, notes: [] });
    expect(rate!.figures.map((f) => f.observation.key)).toEqual(['t1', 's1']);
  });

  it('names the difference when periods differ', () => {
    const rate = compareModels([taihe, songming]).figures.find((g) => g.indicator.code === 'rate')!;
    expect(rate.comparable).toBe(false);
    expect(rate.notes.join(' ')).toContain('periods differ');
  });
});
