import fc from 'fast-check';
import {
  boundaryTails,
  knowledgeSearchProps,
  normalizeKey,
  partsOf,
  pinyinKeyOf,
  regionSearchProps,
} from './search-keys';

describe('normalizeKey', () => {
  it('strips tone marks, case, spaces and punctuation, so every way of typing a name meets', () => {
    for (const typed of ['fengqiao', 'Fēngqiáo', 'Feng Qiao', 'FENG-QIAO', ' fēng qiáo '])
      expect(normalizeKey(typed)).toBe('fengqiao');
    expect(normalizeKey('新时代“枫桥经验”')).toBe('新时代枫桥经验');
    expect(normalizeKey('Lǜshuǐ')).toBe('lushui');
  });

  it('is idempotent and keeps only letters and digits', () => {
    fc.assert(
      fc.property(
        fc.string(),
        (s) =>
          normalizeKey(normalizeKey(s)) === normalizeKey(s) &&
          !/[^\p{L}\p{N}]/u.test(normalizeKey(s)),
      ),
    );
  });
});

describe('pinyin keys', () => {
  it('gives Chinese its toneless pinyin, and nothing for other text', () => {
    expect(pinyinKeyOf('枫桥经验')).toBe('fengqiaojingyan');
    expect(pinyinKeyOf('太和')).toBe('taihe');
    expect(pinyinKeyOf('Fengqiao')).toBeNull();
  });

  it('cuts names at every character, syllable and word, for prefix search anywhere', () => {
    const tails = boundaryTails('网上枫桥经验');
    expect(tails).toEqual(
      expect.arrayContaining([
        '网上枫桥经验',
        '枫桥经验',
        'wangshangfengqiaojingyan',
        'fengqiaojingyan',
        'jingyan',
      ]),
    );
    expect(tails).not.toContain('iaojingyan');
    expect(boundaryTails('Online Fengqiao Experience')).toEqual([
      'onlinefengqiaoexperience',
      'fengqiaoexperience',
      'experience',
    ]);
  });

  it('parts names at punctuation, not at spaces or hyphens', () => {
    expect(partsOf('五治融合(太和街道:自治、共治)')).toEqual(
      expect.arrayContaining(['五治融合', '太和街道', '自治', '共治', 'taihejiedao']),
    );
    expect(partsOf('枫桥经验')).toEqual([]);
    expect(partsOf('Five-governance fusion, Taihe version')).toEqual([
      'fivegovernancefusion',
      'taiheversion',
    ]);
  });
});

describe('stored search properties', () => {
  it('gives a model every name it may be searched by', () => {
    const p = knowledgeSearchProps({
      name: '新时代“枫桥经验”',
      aliases: ['新时代枫桥经验'],
      nameEn: 'New-era Fengqiao Experience',
      pinyin: 'Xīn Shídài Fēngqiáo Jīngyàn',
    });
    expect(p.searchNames).toEqual(
      expect.arrayContaining([
        '新时代枫桥经验',
        'xinshidaifengqiaojingyan',
        'newerafengqiaoexperience',
      ]),
    );
    expect(p.searchParts).toEqual(expect.arrayContaining(['枫桥经验', 'fengqiaojingyan']));
    expect(p.searchKeys).toContain(' fengqiaojingyan ');
    expect(p.searchKeys.startsWith(' ') && p.searchKeys.endsWith(' ')).toBe(true);
    expect(p.aliasesText).toBe('新时代枫桥经验');
  });

  it("keeps a practice's site as a name of it", () => {
    const p = knowledgeSearchProps({
      name: '双桥村出租房电子门牌',
      nameEn: 'Electronic doorplates',
      site: '双桥社区',
    });
    expect(p.aliasesText).toBe('双桥社区');
    expect(p.searchNames).toContain('双桥社区');
  });

  it('keys a region by its name without the kind, in Chinese and pinyin', () => {
    const p = regionSearchProps({
      name: '太和街道',
      officialName: '太和街道办事处',
      base: '太和',
      aliases: [],
      nameEn: 'Taihe Subdistrict',
      pinyin: null,
    });
    expect(p).toMatchObject({
      searchKey: '太和',
      pinyinKey: 'taihe',
      aliasesText: '太和街道办事处',
    });
    expect(p.searchNames).toEqual(
      expect.arrayContaining([
        '太和街道',
        '太和街道办事处',
        '太和',
        'taihe',
        'taihejiedao',
        'taihesubdistrict',
      ]),
    );
  });
});
