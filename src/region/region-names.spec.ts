import { levelOf, parentCode } from '../core/region-codes';
import { nameRegion } from './region-names';

describe('region naming from official names', () => {
  it('derives level and parent from the code', () => {
    expect(levelOf('53')).toBe('PROVINCE');
    expect(levelOf('530124002001')).toBe('VILLAGE');
    expect(parentCode('530124002001')).toBe('530124002');
    expect(parentCode('530124')).toBe('5301');
    expect(parentCode('53')).toBeUndefined();
    expect(() => levelOf('5301240')).toThrow(/not an official region code/);
  });

  it.each([
    ['530103', '盘龙区', '区', 'Panlong District'],
    ['530125', '宜良县', '县', 'Yiliang County'],
    ['530181', '安宁市', '县级市', 'Anning City'],
    ['530128', '禄劝彝族苗族自治县', '自治县', 'Luquan Yi and Miao Autonomous County'],
    ['530129', '寻甸回族彝族自治县', '自治县', 'Xundian Hui and Yi Autonomous County'],
    ['530102005', '丰宁街道', '街道', 'Fengning Subdistrict'],
    ['530127102', '小街镇', '镇', 'Xiaojie Town'],
    ['530115203', '双河彝族乡', '民族乡', 'Shuanghe Yi Ethnic Township'],
    ['530124002001', '大营社区居委会', '社区', 'Daying Community'],
    ['5301', '昆明市', '地级市', 'Kunming City'],
    ['53', '云南省', '省', 'Yunnan Province'],
  ])('%s %s is a %s named %s', (code, name, kind, en) => {
    const naming = nameRegion(code, name);
    expect(naming.kind).toBe(kind);
    expect(naming.nameEn).toBe(en);
  });

  it('shortens village committees to the names people use, and lists nationalities', () => {
    expect(nameRegion('530127102201', '哈前村委会').name).toBe('哈前村');
    expect(nameRegion('530124002001', '大营社区居委会').name).toBe('大营社区');
    expect(nameRegion('530128', '禄劝彝族苗族自治县')).toMatchObject({
      autonomous: true,
      ethnicGroups: ['彝族', '苗族'],
    });
    expect(nameRegion('530103', '盘龙区')).toMatchObject({
      autonomous: false,
      ethnicGroups: [],
      pinyin: 'pán lóng',
    });
  });

  it.each([
    // The committee's 村 or 社区 is the committee's: the place is named once.
    ['520327104202', '鱼塘村村民委员会', '鱼塘村', 'Yutang Village', 'yú táng'],
    ['110105001001', '星岛社区社区居委会', '星岛社区', 'Xingdao Community', 'xīng dǎo'],
    ['130425201224', '孟村村村村民委员会', '孟村', 'Mengcun Village', 'mèng cūn'],
    [
      '152502001001',
      '巴音温都尔嘎查村民委员会',
      '巴音温都尔嘎查',
      'Bayinwendouer Gacha',
      'bā yīn wēn dōu ěr',
    ],
    // A one-character place takes the kind's word into its name: 新村 is Xincun, not Xin.
    ['110105001002', '新村村民委员会', '新村', 'Xincun Village', 'xīn cūn'],
    ['330483100', '乌镇镇', '乌镇镇', 'Wuzhen Town', 'wū zhèn'],
    // A residents' committee not called a community keeps 居委会, in its short form.
    ['110108001003', '学苑居民委员会', '学苑居委会', 'Xueyuan Neighbourhood', 'xué yuàn'],
    // Above villages the official name stands, less a doubled kind or a subdistrict's office.
    ['130229112', '大安镇镇', '大安镇', 'Daan Town', 'dà ān'],
    ['150521403', '保康街道办事处', '保康街道', 'Baokang Subdistrict', 'bǎo kāng'],
  ])('%s %s is %s, %s, %s', (code, official, name, nameEn, pinyin) => {
    expect(nameRegion(code, official)).toMatchObject({ name, nameEn, pinyin });
  });

  it('keeps unusual units honest instead of forcing a kind', () => {
    const yangzonghai = nameRegion('530125404', '昆明阳宗海风景名胜区');
    expect(yangzonghai).toMatchObject({ level: 'TOWNSHIP', kind: '风景名胜区', autonomous: false });
    expect(yangzonghai.nameEn).toMatch(/ Scenic Area$/);
    expect(nameRegion('530125499', '某某农场').kind).toBe('其他');
  });
});
