import { KEBAB, kebabId, slugOf } from './slug';

describe('slugOf', () => {
  it('lower-cases and joins the ASCII words, with no separator at the ends', () => {
    expect(slugOf('Kunming 2020: Political-Legal Highlights!')).toBe(
      'kunming-2020-political-legal-highlights',
    );
    expect(slugOf('--Tiaojie anjian--', '_')).toBe('tiaojie_anjian');
    expect(slugOf('调解')).toBe('');
  });

  it('makes text KEBAB accepts', () => {
    expect(KEBAB.test(slugOf(' A  b_C '))).toBe(true);
  });
});

describe('KEBAB', () => {
  it('takes lower-case ASCII words joined by single hyphens, nothing else', () => {
    expect(['a', 'kunming-2020', 'a1-b2-c3'].every((s) => KEBAB.test(s))).toBe(true);
    expect(['', 'A', 'a--b', '-a', 'a-', 'a_b', '枫桥'].some((s) => KEBAB.test(s))).toBe(false);
    expect(kebabId.safeParse('a_b').success).toBe(false);
  });
});
