import { nounAfter, nounBefore, unitOf, unitOfNoun } from './units.rules';

describe('unitOfNoun', () => {
  it.each([
    ['社区党委', 'organisation'],
    ['村民小组', 'unit'],
    ['村级示范点', 'unit'],
    ['楼层党小组', 'organisation'],
    ['村修改完善村', 'village'],
    ['老旧小区进行', 'compound'],
    ['监控探头', 'camera'],
    ['乡镇司法所', 'township'],
    ['街道试点推行', 'township'],
    ['突出问题', 'item'],
  ])('%s counts %s', (noun, unit) => expect(unitOfNoun(noun)).toBe(unit));

  it('knows nothing of other nouns', () => expect(unitOfNoun('电子门牌落户')).toBeUndefined());
});

describe('unitOf', () => {
  it('takes a fixed measure word as it is', () =>
    expect(unitOf('户', '', '')).toMatchObject({ unit: 'household', byNoun: false }));

  it('reads 个 by the noun after it, past a figure that qualifies it', () => {
    expect(nounAfter('楼层(单元)党小组,')).toBe('楼层党小组');
    expect(unitOf('个', '20人巡逻队伍,', '组建')).toMatchObject({ unit: 'unit', noun: '巡逻队伍' });
    expect(unitOf('个', '监控探头,搭建', '装设')).toMatchObject({ unit: 'camera' });
  });

  it('reads 个 at the end of a clause by the last word before it, or by the figure before when the clause has no noun', () => {
    expect(nounBefore('现已建立社区(村)调委会')).toBe('立社区调委会');
    expect(unitOf('个', '、', '现已建立社区(村)调委会')).toMatchObject({ unit: 'organisation' });
    expect(unitOf('个', '。', '健全打击、监管、治乱方面长效机制', 'village')).toMatchObject({
      unit: 'unit',
    });
    expect(unitOf('个', '。', '节约成本后建立了', 'camera')).toMatchObject({ unit: 'camera' });
  });
});
