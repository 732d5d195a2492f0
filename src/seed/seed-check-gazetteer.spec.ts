import { nameRegion } from '../region/region-names';
import { checkGazetteer, namingProblems, provinceSample } from './seed-check-gazetteer';

const provinceOf = (code: string) => code.slice(0, 2);

describe('the gazetteer check', () => {
  it('finds every Yunnan unit, and a sample of every province, named by the rules, and counts them by level and kind', async () => {
    // One pass over the gazetteer (620k village rows), counting Yunnan apart.
    const seen = new Set<string>();
    let yunnan = 0;
    const check = await checkGazetteer((code) => {
      const kept = code.startsWith('53') || provinceSample(code);
      if (kept) seen.add(provinceOf(code));
      if (code.startsWith('53')) yunnan += 1;
      return kept;
    });
    expect(check.problems).toEqual([]);
    expect(yunnan).toBeGreaterThan(15_000);
    expect(seen.size).toBeGreaterThanOrEqual(31);
    expect(check.kinds.get('VILLAGE 村')).toBeGreaterThan(15_000);
    expect(check.kinds.get('VILLAGE 社区')).toBeGreaterThan(3_000);
  });

  it('fails a planted doubled name, and English or pinyin that spell more than the name', async () => {
    const planted = {
      '520327104202': { name: '鱼塘村村' },
      '520327104203': { nameEn: 'Shuangshancun Village' },
      '520327104204': { pinyin: 'dǎng wān cūn' },
    };
    // 凤冈县永和镇's units as the gazetteer lists them.
    const units = [
      { code: '520327104001', officialName: '永华社区居民委员会' },
      { code: '520327104202', officialName: '鱼塘村村民委员会' },
      { code: '520327104203', officialName: '双山村村民委员会' },
      { code: '520327104204', officialName: '党湾村村民委员会' },
    ];
    const result = await checkGazetteer(units, (code, official) => ({
      ...nameRegion(code, official),
      ...planted[code as keyof typeof planted],
    }));
    expect([...new Set(result.problems.map((p) => p.code))].sort()).toEqual([
      '520327104202',
      '520327104203',
      '520327104204',
    ]);
    expect(result.problems.find((p) => p.code === '520327104202')?.message).toMatch(
      /writes its kind 村 twice/,
    );
  });

  it('reads the rules off a unit, whatever derived its names', () => {
    const good = nameRegion('520327104202', '鱼塘村村民委员会');
    expect(namingProblems('520327104202', '鱼塘村村民委员会', good)).toEqual([]);
    expect(namingProblems('520327104202', '鱼塘村村民委员会', { ...good, name: '鱼塘' })).toEqual([
      expect.stringMatching(/short name 鱼塘 is not its proper part 鱼塘 and its kind/),
    ]);
    expect(
      namingProblems('520327104202', '鱼塘村村民委员会', { ...good, name: '鱼塘庄村' }),
    ).toEqual([
      expect.stringMatching(/is not 鱼塘村村民委员会 less one recognised suffix/),
      expect.stringMatching(/short name 鱼塘庄村 is not its proper part 鱼塘 and its kind/),
    ]);
    // A one-character place keeps the kind's word: 乌镇镇 doubles nothing.
    expect(namingProblems('330483100', '乌镇镇', nameRegion('330483100', '乌镇镇'))).toEqual([]);
  });
});
