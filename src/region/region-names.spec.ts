import { levelOf, nameRegion, parentCode } from './region-names';

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
    expect(nameRegion('530128', '禄劝彝族苗族自治县')).toMatchObject({ autonomous: true, ethnicGroups: ['彝族', '苗族'] });
    expect(nameRegion('530103', '盘龙区')).toMatchObject({ autonomous: false, ethnicGroups: [], pinyin: 'pán lóng' });
  });

  it('keeps unusual units honest instead of forcing a kind', () => {
    const yangzonghai = nameRegion('530125404', '昆明阳宗海风景名胜区');
    expect(yangzonghai).toMatchObject({ level: 'TOWNSHIP', kind: '风景名胜区', autonomous: false });
    expect(yangzonghai.nameEn).toMatch(/ Scenic Area$/);
    expect(nameRegion('530125499', '某某农场').kind).toBe('其他');
  });
});
