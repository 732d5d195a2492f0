import fc from 'fast-check';
import { citationId, codePointOffset, locateQuote } from './citations';

const texts = new Map([['kunming-2020', '甲乙丙,调处成功率为99.97%。甲乙丙丁']]);

describe('locateQuote', () => {
  it('finds a verbatim quote and its code-point offset', () => {
    const q = locateQuote('调处成功率为99.97%', texts);
    expect(q).toMatchObject({ source: 'kunming-2020', offset: 4, length: 12 });
    expect(typeof q !== 'string' && q.id).toBe(citationId('kunming-2020', 4, 12));
  });

  it('refuses a quote that is not verbatim (a full-width comma for an ASCII one)', () => {
    expect(locateQuote('甲乙丙，调处', texts)).toMatch(/not found verbatim/);
  });

  it('refuses an ambiguous quote unless the occurrence is named', () => {
    expect(locateQuote('甲乙丙', texts)).toMatch(/occurs 2 times/);
    expect(locateQuote({ quote: '甲乙丙', occurrence: 2 }, texts)).toMatchObject({ offset: 17 });
    expect(locateQuote({ quote: '甲乙丙', occurrence: 3 }, texts)).toMatch(/occurs 2 time/);
  });

  it('refuses an unknown source', () => {
    expect(locateQuote({ quote: '甲', source: 'nowhere' }, texts)).toMatch(/unknown source/);
  });

  it('gives offsets that point back at the quote for any text and slice', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 60, unit: 'grapheme' }),
        fc.nat(),
        fc.nat(),
        (text, a, b) => {
          const chars = Array.from(text);
          const start = a % chars.length;
          const quote = chars.slice(start, start + 1 + (b % (chars.length - start))).join('');
          const q = locateQuote({ quote, occurrence: 1 }, new Map([['kunming-2020', text]]));
          if (typeof q === 'string') return false;
          return (
            Array.from(text)
              .slice(q.offset, q.offset + q.length)
              .join('') === quote && codePointOffset(text, q.index) === q.offset
          );
        },
      ),
    );
  });
});
