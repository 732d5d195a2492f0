import { sections as sectionsOf } from '../../facts/report-parts';
import { splitSentences } from '../sentences';
import { regionOfFigure } from './figure-region';
import { homeOf, partPlaces as sectionPlaces } from './part-places';
import { commonAncestor, formsOf, indexForms } from './region-forms';
import { namedRegions, resolveMentions } from './region-place';

/** A small gazetteer: parents before children, as the official codes are streamed. */
const GAZETTEER = [
  ['53', '云南省'],
  ['5301', '昆明市'],
  ['530112', '西山区'],
  ['530112003', '金碧街道'],
  ['530112007', '棕树营街道'],
  ['530115', '晋宁区'],
  ['530115001', '昆阳街道'],
  ['530115003', '晋城街道'],
  ['530126', '石林彝族自治县'],
  ['530115001206', '旧寨村委会'],
  ['530115003241', '福安村委会'],
  ['33', '浙江省'],
  ['3305', '湖州市'],
  ['330521', '德清县'],
  ['330521104', '钟管镇'],
  ['330523', '安吉县'],
  ['330523107', '章村镇'],
  ['330521104215', '茅山村委会'],
  ['330523107208', '茅山村委会'],
  ['61', '陕西省'],
  ['6106', '延安市'],
].map(([code, officialName]) => ({ code: code!, officialName: officialName! }));

function resolve(text: string) {
  const index = indexForms(GAZETTEER);
  const sections = sectionsOf(text);
  const home = homeOf(text, index);
  const places = sectionPlaces(text, sections, index, home);
  const mentions = resolveMentions(text, sections, places, index, home);
  const sentences = splitSentences(text);
  return { home, places, mentions, sentences, context: { mentions, sentences, sections, places } };
}

describe('the forms of a gazetteer name', () => {
  it('are the official and short names, the name with another kind word, and the bare name', () => {
    const forms = (code: string, name: string) =>
      Object.fromEntries(formsOf({ code, officialName: name }).map((f) => [f.form, f.strength]));
    expect(forms('530126', '石林彝族自治县')).toMatchObject({
      石林彝族自治县: 'exact',
      石林县: 'variant',
      石林: 'bare',
    });
    expect(forms('530115003', '晋城街道')).toMatchObject({
      晋城街道: 'exact',
      晋城街道办事处: 'exact',
      晋城镇: 'variant',
      晋城: 'bare',
    });
    expect(forms('530115001206', '旧寨村委会')).toMatchObject({
      旧寨村委会: 'exact',
      旧寨村: 'exact',
      旧寨社区: 'variant',
      旧寨: 'bare',
    });
    expect(commonAncestor(['530115001206', '530115003241'])).toBe('530115');
  });
});

describe('resolving region names by section', () => {
  const text = [
    '昆明市2020年政法工作',
    '',
    '石林县委常委、县委政法委书记李佳:',
    '',
    '石林县建成站点3个,延安医院设点1个。',
    '',
    '晋宁区委常委、区委政法委书记王某:',
    '',
    '晋宁区在昆阳街道旧寨、晋城镇福安2个村委会试点。',
    '',
    '西山区委常委、区委政法委书记张某:',
    '',
    '在棕树营、金碧两个街道试点。',
  ].join('\n');
  const { home, places, mentions, sentences, context } = resolve(text);

  it("finds the report's prefecture and each section's county", () => {
    expect(home).toEqual({ prefecture: '5301', province: '53' });
    expect(places.map((p) => p.code)).toEqual(['5301', '530126', '530115', '530112']);
  });

  it('reads renamed and bare names only where their context vouches for them, and short names of other provinces not at all', () => {
    expect(mentions.map((m) => [m.form, m.code])).toEqual([
      ['昆明市', '5301'],
      ['石林县', '530126'],
      ['石林县', '530126'],
      ['晋宁区', '530115'],
      ['晋宁区', '530115'],
      ['昆阳街道', '530115001'],
      ['旧寨', '530115001206'],
      ['晋城镇', '530115003'],
      ['福安', '530115003241'],
      ['西山区', '530112'],
      ['棕树营', '530112007'],
      ['金碧', '530112003'],
    ]);
  });

  it('places a figure in the unit that holds the places listed before it, and resolves villages under the township named before them', () => {
    const sentence = sentences.find((s) => s.text.includes('2个村委会'))!;
    expect(regionOfFigure(context, sentence, text.indexOf('2个村委会')).code).toBe('530115');
    const streets = sentences.find((s) => s.text.includes('两个街道'))!;
    expect(regionOfFigure(context, streets, text.indexOf('两个街道')).code).toBe('530112');
    const named = new Map(namedRegions(mentions, places, new Map()).map((r) => [r.code, r.within]));
    expect(named.get('530115001206')).toBe('530115001');
    expect(named.get('530115003241')).toBe('530115003');
  });
});

describe('namesakes', () => {
  it('are told apart by the county whose section names them', () => {
    const text = [
      '湖州市政法工作',
      '',
      '安吉县委常委、县委政法委书记张明:',
      '',
      '章村镇茅山村设立调解室。',
      '',
      '德清县委常委、县委政法委书记李红:',
      '',
      '茅山村安装门禁。',
    ].join('\n');
    const { mentions } = resolve(text);
    expect(mentions.filter((m) => m.form === '茅山村').map((m) => m.code)).toEqual([
      '330523107208',
      '330521104215',
    ]);
  });
});
