import {
  type CountyFeatures,
  type PracticeFeatures,
  rank,
  scoreCandidate,
  scorePilot,
} from './scoring';

const county = (over: Partial<CountyFeatures> = {}): CountyFeatures => ({
  code: '530127',
  name: '嵩明县',
  kind: '县',
  autonomous: false,
  ethnicGroups: [],
  models: [],
  principles: [],
  ...over,
});
const practice = (over: Partial<PracticeFeatures> = {}): PracticeFeatures => ({
  key: 'q',
  name: 'Q',
  models: ['village-compact'],
  principles: ['self-governance'],
  category: 'VILLAGE_COMPACT',
  status: 'PILOT',
  level: 'VILLAGE',
  indicators: [],
  unit: county(),
  ...over,
});

describe('scorePilot', () => {
  it('explains every point it gives', () => {
    const s = scorePilot(practice(), practice({ key: 'p', indicators: [] }));
    expect(s.score).toBe(3 + 1 + 2 + 1 + 0.5 + 0.5);
    expect(s.reasons).toEqual([
      'implements the same model: village-compact (+3)',
      'builds on the same principle: self-governance (+1)',
      'same field: VILLAGE_COMPACT (+2)',
      'same status: PILOT (+1)',
      'same kind of county-level unit: 县 (+0.5)',
      'runs at the same level: VILLAGE (+0.5)',
    ]);
  });

  it('rewards ethnic autonomous units and shared nationalities', () => {
    const yi = (code: string, groups: string[]) =>
      county({ code, kind: '自治县', autonomous: true, ethnicGroups: groups });
    const s = scorePilot(
      practice({ unit: yi('530128', ['彝族', '苗族']) }),
      practice({
        key: 'p',
        models: [],
        principles: [],
        level: 'COUNTY',
        unit: yi('530126', ['彝族']),
      }),
    );
    expect(s.reasons).toContain('nationalities in common: 彝族 (+0.5)');
    expect(s.score).toBe(2 + 1 + 1 + 0.5 + 0.5);
  });

  it('caps principle and indicator points at 3', () => {
    const many = ['a', 'b', 'c', 'd', 'e'];
    const s = scorePilot(
      practice({ principles: many, indicators: many }),
      practice({ key: 'p', principles: many, indicators: many }),
    );
    expect(s.score).toBe(3 + 3 + 3 + 2 + 1 + 0.5 + 0.5);
  });
});

describe('scoreCandidate', () => {
  it('scores a county by its best-matching adopter, with reasons naming it', () => {
    const adopters = [
      county({ code: '530402', name: '红塔区', kind: '区' }),
      county({ code: '530124', name: '富民县', models: ['m1', 'm2'] }),
    ];
    const s = scoreCandidate(county({ models: ['m1'] }), adopters);
    expect(s.score).toBe(3 * 0.5 + 2 + 1);
    expect(s.reasons[0]).toContain('富民县');
  });
});

describe('rank', () => {
  it('drops zero scores, sorts by score then key, and cuts to first', () => {
    const items = [
      { item: 'b', score: 2, reasons: [] },
      { item: 'a', score: 2, reasons: [] },
      { item: 'c', score: 0, reasons: [] },
      { item: 'd', score: 5, reasons: [] },
    ];
    expect(rank(items, (x) => x, 2).map((s) => s.item)).toEqual(['d', 'a']);
  });
});
