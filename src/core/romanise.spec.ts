import { romanise, tonedPinyin } from './romanise';

describe('romanise', () => {
  it('joins toneless syllables and capitalises the first letter', () => {
    expect(romanise('双桥')).toBe('Shuangqiao');
    expect(romanise('绿春')).toBe('Lvchun');
    expect(romanise('彝')).toBe('Yi');
  });
});

describe('tonedPinyin', () => {
  it('marks tones, one space between syllables and between other characters', () => {
    expect(tonedPinyin('枫桥经验')).toBe('fēng qiáo jīng yàn');
    expect(tonedPinyin('黄寺大街24号')).toBe('huáng sì dà jiē 2 4 hào');
    expect(tonedPinyin(' 枫桥  Fengqiao ')).toBe('fēng qiáo F e n g q i a o');
  });
});
