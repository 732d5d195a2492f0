import fc from 'fast-check';
import { snippetFor, toLuceneQuery } from './search.query';

describe('toLuceneQuery', () => {
  it('escapes Lucene syntax so input cannot change the query', () => {
    expect(toLuceneQuery('枫桥 AND (x:y)*')).toBe('枫桥 and \\(x\\:y\\)\\*');
    expect(toLuceneQuery('"1+4"')).toBe('\\"1\\+4\\"');
  });

  it('leaves no unescaped special character for any input', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 100 }).filter((s) => s.trim().length > 0), (s) => {
        const q = toLuceneQuery(s);
        // Every special character is preceded by a backslash that is itself not escaped.
        return !/(^|[^\\])(\\\\)*[+\-&|!(){}[\]^"~*?:/]/.test(q.replace(/\\[+\-&|!(){}[\]^"~*?:\\/]/g, ''));
      }),
    );
  });
});

describe('snippetFor', () => {
  it('cuts the first matching field around the match', () => {
    const long = `${'甲'.repeat(50)}网上枫桥经验${'乙'.repeat(50)}`;
    const s = snippetFor('枫桥', [null, 'Online Fengqiao', long]);
    expect(s).toContain('网上枫桥经验');
    expect(s.startsWith('…')).toBe(true);
    expect(s.length).toBeLessThan(90);
  });

  it('matches English case-insensitively', () => {
    expect(snippetFor('fengqiao', ['枫桥经验', 'Fengqiao Experience'])).toBe('Fengqiao Experience');
  });
});
