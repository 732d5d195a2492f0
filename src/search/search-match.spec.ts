import { queryKeys } from './query-text';
import { explainMatch, highlightHtml, type HitText, occurrences } from './search-match';

const hit = (over: Partial<HitText>): HitText => ({
  name: '枫桥经验',
  aliases: [],
  officialName: null,
  site: null,
  nameEn: null,
  pinyin: null,
  summary: null,
  summaryEn: null,
  description: null,
  descriptionEn: null,
  scale: null,
  scaleEn: null,
  ...over,
});

describe('occurrences', () => {
  it('finds normalised needles in the original text, in code points', () => {
    expect(occurrences('Fēngqiáo Jīngyàn', ['fengqiao'])).toEqual([{ start: 0, length: 8 }]);
    expect(occurrences('新时代“枫桥经验”', ['枫桥经验'])).toEqual([{ start: 4, length: 4 }]);
    expect(occurrences('Village-compact red list', ['villagecompact'])).toEqual([
      { start: 0, length: 15 },
    ]);
  });

  it('marks every occurrence, overlapping ones merged', () => {
    expect(occurrences('枫桥 枫桥经验', ['枫桥经验', '枫桥'])).toEqual([
      { start: 0, length: 2 },
      { start: 3, length: 4 },
    ]);
  });
});

describe('explainMatch', () => {
  it('names the field of the match and marks it', () => {
    expect(explainMatch(queryKeys('枫桥'), 'PREFIX', hit({}))).toEqual({
      field: 'NAME',
      snippet: '枫桥经验',
      highlights: [{ start: 0, length: 2 }],
    });
    const en = explainMatch(
      queryKeys('fengqiao'),
      'PREFIX',
      hit({ nameEn: 'Fengqiao Experience', pinyin: 'Fēngqiáo Jīngyàn' }),
    );
    expect(en.field).toBe('NAME_EN');
  });

  it('prefers the field that matches as well as the kind says (an alias that is exact over the name that contains it)', () => {
    const why = explainMatch(
      queryKeys('五治融合'),
      'EXACT',
      hit({ name: '五治融合(太和街道:自治)', aliases: ['五治融合'] }),
    );
    expect(why).toMatchObject({ field: 'ALIAS', snippet: '五治融合' });
  });

  it('shows the pinyin for a homophone', () => {
    const why = explainMatch(queryKeys('枫乔经验'), 'SOUND', hit({ pinyin: 'Fēngqiáo Jīngyàn' }));
    expect(why).toEqual({
      field: 'PINYIN',
      snippet: 'Fēngqiáo Jīngyàn',
      highlights: [{ start: 0, length: 16 }],
    });
  });

  it('cuts long text around the match', () => {
    const why = explainMatch(
      queryKeys('枫桥'),
      'TEXT',
      hit({ name: '人民调解', summary: `${'甲'.repeat(60)}发展“枫桥经验”${'乙'.repeat(60)}` }),
    );
    expect(why.field).toBe('SUMMARY');
    expect(why.snippet.startsWith('…') && why.snippet.endsWith('…')).toBe(true);
    expect([...why.snippet].length).toBeLessThan(90);
    const [h] = why.highlights;
    expect([...why.snippet].slice(h!.start, h!.start + h!.length).join('')).toBe('枫桥');
  });

  it('falls back to words and Chinese bigrams, and to the name when nothing is found', () => {
    expect(
      explainMatch(
        queryKeys('rule of virtue'),
        'TEXT',
        hit({ nameEn: 'Three-governance fusion (rule of law, rule of virtue)' }),
      ).highlights.length,
    ).toBeGreaterThan(0);
    expect(
      explainMatch(queryKeys('五治融合'), 'TEXT', hit({ name: '三治融合' })).highlights,
    ).toEqual([{ start: 1, length: 3 }]);
    expect(explainMatch(queryKeys('无关'), 'TEXT', hit({}))).toEqual({
      field: 'NAME',
      snippet: '枫桥经验',
      highlights: [],
    });
  });
});

describe('highlightHtml', () => {
  it('wraps matches in <em> and escapes the rest', () => {
    expect(highlightHtml('a<b 枫桥 "c"', [{ start: 4, length: 2 }])).toBe(
      'a&#60;b <em>枫桥</em> &#34;c&#34;',
    );
  });
});
