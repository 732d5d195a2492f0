import type { KnownName } from './draft-vocabulary';
import { candidateModels, knownMentions, knownNameSpans, nameVariants } from './mentions';
import { splitSentences } from './sentences';

const names: KnownName[] = [
  {
    kind: 'model',
    key: 'fengqiao-experience',
    name: '枫桥经验',
    aliases: [],
    modelKind: 'EXPERIENCE',
  },
  {
    kind: 'model',
    key: 'five-governance-fusion',
    name: '五治融合(太和街道:自治、共治、德治、法治、智治)',
    aliases: [],
  },
  { kind: 'organization', key: 'xueliang', name: '“雪亮工程”', aliases: ['雪亮工程'] },
];
const text =
  '2020年,某县发展“枫桥经验”,推广“五治融合”,总结出“余村经验”和“数字乡村治理模式”,实施“雪亮工程”与“网格工作法”。';

describe('mentions', () => {
  it('find known names as the seed writes them, without quotes and without their bracketed qualifier', () => {
    expect(nameVariants('五治融合(太和街道:自治)')).toEqual([
      '五治融合(太和街道:自治)',
      '五治融合',
    ]);
    const found = knownMentions(text, splitSentences(text), names);
    expect(found.map((m) => [m.key, m.confidence])).toEqual([
      ['fengqiao-experience', 0.9],
      ['five-governance-fusion', 0.9],
      ['xueliang', 0.9],
    ]);
    expect(found[0]!.quote).toBe(text);
    expect(knownNameSpans(text, names).map((s) => text.slice(s.start, s.end))).toContain(
      '五治融合',
    );
  });

  it('propose quoted names ending in 经验, 机制, 工程, 模式 … that no known name has as candidate new models', () => {
    const found = candidateModels(text, splitSentences(text), names);
    expect(found.map((m) => [m.name, m.key, m.modelKind])).toEqual([
      ['余村经验', 'yucun-experience', 'EXPERIENCE'],
      ['数字乡村治理模式', 'shuzixiangcunzhili-model', 'MODEL'],
      ['网格工作法', 'wangge-method', 'MODEL'],
    ]);
  });
});
