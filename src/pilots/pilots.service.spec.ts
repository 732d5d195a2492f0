import type { PracticeRow, UnitRow } from './pilots.repository';
import { rankCandidates, rankPilots, toCountyFeatures, toPracticeFeatures } from './pilots.service';

const unit = (code: string, over: Partial<UnitRow> = {}): UnitRow => ({
  code,
  name: code,
  kind: '县',
  autonomous: false,
  ethnicGroups: [],
  ...over,
});
const row = (
  key: string,
  unitCode: string,
  models: string[],
  over: Partial<PracticeRow> = {},
): PracticeRow => ({
  key,
  name: key,
  category: 'MEDIATION',
  status: 'PILOT',
  level: 'COUNTY',
  unit: unit(unitCode),
  models: models.map((m) => ({ key: m, name: `模式${m}` })),
  principles: [],
  indicators: [],
  ...over,
});

describe('pilots', () => {
  const rows = [
    row('a', '530102', ['m1']),
    row('b', '530103', ['m1']),
    row('c', '530111', ['m2'], { category: 'OTHER', status: 'ENDED', level: 'VILLAGE' }),
  ];

  it('collects the names of what practices mention, once per key', () => {
    const { practices, names } = toPracticeFeatures([row('a', '530102', ['m1', 'm1'])]);
    expect(practices[0]!.models).toEqual(['m1']);
    expect(names.get('m1')).toBe('模式m1');
  });

  it('ranks other practices by likeness, never the practice itself, and not those with nothing in common', () => {
    const ranked = rankPilots(rows, 'a', 10)!;
    expect(ranked.map((r) => r.item.key)).toEqual(['b', 'c']);
    expect(ranked[0]!.reasons[0]).toBe('implements the same model: 模式m1 (+3)');
    expect(rankPilots(rows, 'nope', 10)).toBeNull();
    expect(rankPilots(rows, 'a', 1)).toHaveLength(1);
  });

  it('folds practices into their county-level unit', () => {
    const counties = toCountyFeatures(
      [unit('530102'), unit('530112')],
      toPracticeFeatures(rows).practices,
    );
    expect(counties.find((c) => c.code === '530102')!.models).toEqual(['m1']);
    expect(counties.find((c) => c.code === '530112')!.models).toEqual([]);
  });

  it('proposes counties without the model, ranked by likeness to its adopters', () => {
    const units = [unit('530102'), unit('530103'), unit('530111'), unit('530112'), unit('532301')];
    const ranked = rankCandidates(rows, units, 'm1', 10);
    expect(ranked.map((r) => r.item.code)).not.toContain('530102');
    expect(ranked.map((r) => r.item.code)).not.toContain('530103');
    expect(ranked[0]!.item.code).toMatch(/^5301/);
    expect(rankCandidates(rows, units, 'never-adopted', 10)).toEqual([]);
  });
});
