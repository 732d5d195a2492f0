import { sections } from '../facts/report-parts';
import { clauseAround, splitSentences } from './sentences';

const text = [
  '标题一行',
  '',
  '某区委常委、区委政法委书记王五:',
  '',
  '2020年,某区建成𠀀站3个。另有“两会”;其余如常',
  '',
  '某县委书记赵六:',
  '',
  '全县共有村12个。',
].join('\n');

describe('splitSentences', () => {
  const sentences = splitSentences(text);

  it('cuts at 。 and ; and keeps headings and speaker lines whole', () => {
    expect(sentences.map((s) => [s.text, s.heading])).toEqual([
      ['标题一行', true],
      ['某区委常委、区委政法委书记王五:', true],
      ['2020年,某区建成𠀀站3个。', false],
      ['另有“两会”;', false],
      ['其余如常', false],
      ['某县委书记赵六:', true],
      ['全县共有村12个。', false],
    ]);
  });

  it('gives offsets in code points (a character beyond the BMP counts once) and UTF-16 indices', () => {
    const after = sentences[3]!;
    expect(text.slice(after.index, after.index + after.text.length)).toBe(after.text);
    expect(after.offset).toBe(Array.from(text.slice(0, after.index)).length);
    expect(after.offset).toBe(after.index - 1);
  });

  it('numbers sections by the speaker lines', () => {
    expect(sentences.map((s) => s.section)).toEqual([0, 1, 1, 1, 1, 2, 2]);
    expect(sections(text).map((s) => s.head)).toEqual([
      '',
      '某区委常委、区委政法委书记王五:',
      '某县委书记赵六:',
    ]);
  });
});

describe('clauseAround', () => {
  it('widens a span to its commas', () => {
    const s = '全县共受理纠纷968件,调解成功954件,调解成功率达98.55%。';
    const at = s.indexOf('954');
    expect(s.slice(...clauseAround(s, at, at + 3))).toBe('调解成功954件');
  });
});
