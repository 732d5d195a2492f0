import fc from 'fast-check';
import { REGION_LEVELS } from '../core/vocabulary';
import {
  activityBoost,
  coverageOf,
  HIT_LABELS,
  MATCH_KINDS,
  matchKind,
  rankScore,
  scoreCypher,
  type Signals,
} from './search-scoring';

const signals = (over: Partial<Signals>): Signals => ({
  label: 'GovernanceModel',
  kind: 'TEXT',
  lucene: 0,
  coverage: 0,
  level: null,
  activity: 0,
  holdsMatches: false,
  ...over,
});
const arbSignals = fc.record({
  label: fc.constantFrom(...HIT_LABELS),
  kind: fc.constantFrom(...MATCH_KINDS),
  lucene: fc.double({ min: 0, max: 1, noNaN: true }),
  coverage: fc.double({ min: 0, max: 1, noNaN: true }),
  level: fc.constantFrom(...REGION_LEVELS),
  activity: fc.nat(10_000),
  holdsMatches: fc.boolean(),
});
const KNOWLEDGE = ['GovernanceModel', 'Practice', 'Principle'] as const;

describe('matchKind', () => {
  const names = ['枫桥经验', 'fengqiaojingyan', 'fengqiaoexperience'];
  const q = (key: string, pinyin: string | null = null, words: string[] = []) => ({
    key,
    pinyin,
    words,
  });
  it('tells exact, prefix, contained, homophone and text matches apart', () => {
    expect(matchKind(q('枫桥经验', 'fengqiaojingyan'), { names })).toBe('EXACT');
    expect(matchKind(q('fengqiaoexperience'), { names })).toBe('EXACT');
    expect(matchKind(q('枫桥', 'fengqiao'), { names })).toBe('PREFIX');
    expect(matchKind(q('桥经', 'qiaojing'), { names })).toBe('CONTAINS');
    expect(matchKind(q('枫乔经验', 'fengqiaojingyan'), { names })).toBe('SOUND');
    expect(matchKind(q('调解', 'tiaojie'), { names })).toBe('TEXT');
  });

  it('counts a part of the name set off by punctuation as a start', () => {
    expect(
      matchKind(q('太和', 'taihe'), { names: ['五治融合太和街道自治'], parts: ['太和街道'] }),
    ).toBe('PREFIX');
    expect(matchKind(q('太和', 'taihe'), { names: ['五治融合太和街道自治'] })).toBe('CONTAINS');
  });

  it('counts a name holding every word of the text as contained', () => {
    const org = { names: ['redarmbandpublicordervolunteersdongchuan'] };
    expect(matchKind(q('redarmbandvolunteers', null, ['redarmband', 'volunteers']), org)).toBe(
      'CONTAINS',
    );
    expect(matchKind(q('redarmbandcompact', null, ['redarmband', 'compact']), org)).toBe('TEXT');
  });

  it('marks a practice whose name holds the text only as the name of its own place as PLACE', () => {
    const place = { placeNames: ['安宁市', '安宁', '昆明市'] };
    expect(matchKind(q('安宁', 'anning'), { names: ['安宁市雪亮工程全域覆盖'], ...place })).toBe(
      'PLACE',
    );
    expect(matchKind(q('安宁', 'anning'), { names: ['宜居安宁平安指数体系'], ...place })).toBe(
      'PLACE',
    );
    expect(
      matchKind(q('安宁市雪亮', 'anningshixueliang'), {
        names: ['安宁市雪亮工程全域覆盖'],
        ...place,
      }),
    ).toBe('PREFIX');
  });
});

describe('rankScore', () => {
  it('puts an exact or prefix name match of a model, practice or principle above every place', () => {
    fc.assert(
      fc.property(
        arbSignals,
        arbSignals,
        fc.constantFrom('EXACT', 'PREFIX' as const),
        fc.constantFrom(...KNOWLEDGE),
        (k, p, kind, label) =>
          rankScore({ ...k, label, kind }) > rankScore({ ...p, label: 'Region' }),
      ),
      { numRuns: 1000 },
    );
  });

  it('puts a contained name of knowledge above every town or village that holds nothing (the namesakes by the hundred)', () => {
    fc.assert(
      fc.property(
        arbSignals,
        arbSignals,
        fc.constantFrom(...KNOWLEDGE),
        fc.constantFrom('TOWNSHIP', 'VILLAGE' as const),
        (k, p, label, level) =>
          rankScore({ ...k, label, kind: 'CONTAINS' }) >
          rankScore({ ...p, label: 'Region', level, activity: 0, holdsMatches: false }),
      ),
      { numRuns: 1000 },
    );
  });

  it('ranks exact above prefix above contained, other signals equal', () => {
    fc.assert(
      fc.property(arbSignals, (s) => {
        const [exact, prefix, contains, text] = (
          ['EXACT', 'PREFIX', 'CONTAINS', 'TEXT'] as const
        ).map((kind) => rankScore({ ...s, kind }));
        return exact! > prefix! && prefix! > contains! && contains! > text!;
      }),
    );
  });

  it('ranks a place that holds practices or figures above an empty namesake, and higher levels first', () => {
    const place = signals({ label: 'Region', kind: 'EXACT', level: 'VILLAGE', coverage: 1 });
    expect(rankScore({ ...place, activity: 3 })).toBeGreaterThan(rankScore(place));
    expect(rankScore({ ...place, level: 'COUNTY' })).toBeGreaterThan(rankScore(place));
    fc.assert(
      fc.property(
        arbSignals,
        fc.nat(1000),
        (s, n) =>
          s.label !== 'Region' ||
          rankScore({ ...s, activity: n + 1 }) >= rankScore({ ...s, activity: n }),
      ),
    );
  });

  it("blends Lucene's score in: higher full-text scores rank higher within a kind (for places, when no name matched)", () => {
    fc.assert(
      fc.property(arbSignals, (s) => {
        const blended = s.label !== 'Region' || s.kind === 'TEXT';
        const [low, high] = [rankScore({ ...s, lucene: 0.1 }), rankScore({ ...s, lucene: 0.9 })];
        return blended ? high > low : high === low;
      }),
    );
  });

  it('puts an organisation named exactly first, partly named after the busy places', () => {
    const busyCity = rankScore(
      signals({ label: 'Region', kind: 'EXACT', level: 'PREFECTURE', activity: 20, coverage: 1 }),
    );
    expect(
      rankScore(signals({ label: 'Organization', kind: 'EXACT', coverage: 1 })),
    ).toBeGreaterThan(busyCity);
    expect(
      rankScore(signals({ label: 'Organization', kind: 'PREFIX', coverage: 0.5, lucene: 0.5 })),
    ).toBeLessThan(busyCity);
  });

  it('grows with what a place holds, by doublings, up to a cap', () => {
    expect(activityBoost(0)).toBe(0);
    expect(activityBoost(1)).toBeCloseTo(0.8);
    expect(activityBoost(3)).toBeCloseTo(1.6);
    expect(activityBoost(1000)).toBe(2);
  });

  it('ranks the place that holds the practices found by name above its busier namesakes', () => {
    const town = signals({
      label: 'Region',
      kind: 'EXACT',
      level: 'TOWNSHIP',
      coverage: 1,
      activity: 5,
    });
    const county = signals({
      label: 'Region',
      kind: 'EXACT',
      level: 'COUNTY',
      coverage: 1,
      activity: 500,
    });
    expect(rankScore({ ...town, holdsMatches: true })).toBeGreaterThan(rankScore(county));
  });

  it('is 0 … 1 for coverage: the query over the shortest name that holds it', () => {
    expect(coverageOf('枫桥', ['枫桥经验', '新时代枫桥经验'])).toBe(0.5);
    expect(coverageOf('枫桥', ['调解'])).toBe(0);
  });

  it('writes the same weights into Cypher', () => {
    const cypher = scoreCypher({
      label: 'label',
      kind: 'kind',
      lucene: 'lucene',
      coverage: 'coverage',
      level: 'level',
      activity: 'n',
      holdsMatches: 'holds',
    });
    expect(cypher).toContain("WHEN 'EXACT' THEN 14.00");
    expect(cypher).toContain("WHEN 'VILLAGE' THEN 0.00");
    expect(cypher).toContain('0.80 * log(1 + n) / log(2)');
    expect(cypher).not.toMatch(/\$/);
  });
});
