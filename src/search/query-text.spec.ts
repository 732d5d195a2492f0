import fc from 'fast-check';
import { queryKeys, toLuceneQuery } from './query-text';

describe('toLuceneQuery', () => {
  it('escapes Lucene syntax so input cannot change the query', () => {
    expect(toLuceneQuery('枫桥 AND (x:y)*')).toBe('枫桥 and \\(x\\:y\\)\\*');
    expect(toLuceneQuery('"1+4"')).toBe('\\"1\\+4\\"');
  });

  it('leaves no unescaped special character for any input', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 100 }).filter((s) => s.trim().length > 0),
        (s) => {
          const q = toLuceneQuery(s);
          // Every special character is preceded by a backslash that is itself not escaped.
          return !/(^|[^\\])(\\\\)*[+\-&|!(){}[\]^"~*?:/]/.test(
            q.replace(/\\[+\-&|!(){}[\]^"~*?:\\/]/g, ''),
          );
        },
      ),
    );
  });
});

describe('queryKeys', () => {
  it('reduces the text like the stored names, with the pinyin of Chinese text for homophones', () => {
    expect(queryKeys(' Fēngqiáo ')).toMatchObject({
      text: 'Fēngqiáo',
      key: 'fengqiao',
      pinyin: null,
      english: 'Fēngqiáo',
      prefix: 'fengqiao*',
    });
    expect(queryKeys('枫桥')).toMatchObject({
      key: '枫桥',
      pinyin: 'fengqiao',
      english: null,
      prefix: '枫桥* OR fengqiao*',
    });
  });

  it('asks the English indexes only about the text that is not Chinese', () => {
    expect(queryKeys('枫桥 experience').english).toBe('experience');
    expect(queryKeys('“五治”').english).toBeNull();
  });

  it('builds a prefix query of letters and digits only, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 100 }), (s) =>
        /^([\p{L}\p{N}]+\*( OR [\p{L}\p{N}]+\*)?)?$/u.test(queryKeys(s).prefix),
      ),
    );
  });
});
