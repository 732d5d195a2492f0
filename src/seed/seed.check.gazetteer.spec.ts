import { nameRegion } from '../region/region-names';
import { checkGazetteer, namingProblems, provinceSample } from './seed.check.gazetteer';

const provinceOf = (code: string) => code.slice(0, 2);

describe('the gazetteer check', () => {
  it('finds every Yunnan unit named by the rules, and counts them by level and kind', async () => {
    const yunnan = await checkGazetteer((code) => code.startsWith('53'));
    expect(yunnan.problems).toEqual([]);
    expect(yunnan.units).toBeGreaterThan(15_000);
    expect(yunnan.kinds.get('VILLAGE 村')).toBeGreaterThan(10_000);
    expect(yunnan.kinds.get('VILLAGE 社区')).toBeGreaterThan(1_000);
  });

  it('finds a sample of every province named by the rules', async () => {
    const seen = new Set<string>();
    const sample = await checkGazetteer((code) => provinceSample(code) && Boolean(seen.add(provinceOf(code))));
    expect(sample.problems).toEqual([]);
    expect(seen.size).toBeGreaterThanOrEqual(31);
    expect(sample.kinds.get('VILLAGE 村')).toBeGreaterThan(5_000);
  });

  it('fails a planted doubled name, and English or pinyin that spell more than the name', async () => {
    const planted = { '520327104202': { name: '鱼塘村村' }, '520327104203': { nameEn: 'Shuangshancun Village' }, '520327104204': { pinyin: 'dǎng wān cūn' } };
    const result = await checkGazetteer(
      (code) => code.startsWith('520327104'),
      (code, official) => ({ ...nameRegion(code, official), ...planted[code as keyof typeof planted] }),
    );
    expect([...new Set(result.problems.map((p) => p.code))].sort()).toEqual(['520327104202', '520327104203', '520327104204']);
    expect(result.problems.find((p) => p.code === '520327104202')?.message).toMatch(/writes its kind 村 twice/);
  });

  it('reads the rules off a unit, whatever derived its names', () => {
    const good = nameRegion('520327104202', '鱼塘村村民委员会');
    expect(namingProblems('520327104202', '鱼塘村村民委员会', good)).toEqual([]);
    expect(namingProblems('520327104202', '鱼塘村村民委员会', { ...good, name: '鱼塘' })).toEqual([
      expect.stringMatching(/short name 鱼塘 is not its proper part 鱼塘 and its kind/),
    ]);
    expect(namingProblems('520327104202', '鱼塘村村民委员会', { ...good, name: '鱼塘庄村' })).toEqual([
      expect.stringMatching(/is not 鱼塘村村民委员会 less one recognised suffix/),
      expect.stringMatching(/short name 鱼塘庄村 is not its proper part 鱼塘 and its kind/),
    ]);
    // A one-character place keeps the kind's word: 乌镇镇 doubles nothing.
    expect(namingProblems('330483100', '乌镇镇', nameRegion('330483100', '乌镇镇'))).toEqual([]);
  });
});
