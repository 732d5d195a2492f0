import { BadInputError } from './errors';
import { decodeCursor, encodeCursor, MAX_CURSOR_OFFSET, toPage } from './pagination';

const b64 = (text: string) => Buffer.from(text).toString('base64url');

describe('cursors', () => {
  it('decode what they encode', () => {
    for (const offset of [0, 1, 19, 99_999, MAX_CURSOR_OFFSET])
      expect(decodeCursor(encodeCursor(offset))).toBe(offset);
    expect(toPage(10, encodeCursor(19))).toEqual({ skip: 20, limit: 10 });
  });

  it.each([
    ['an offset beyond any list (it would overflow SKIP)', b64('o:99999999999')],
    ['an offset past the largest list', b64(`o:${MAX_CURSOR_OFFSET + 1}`)],
    ['garbage', 'garbage!!'],
    ['a negative offset', b64('o:-1')],
    ['a fraction', b64('o:1.5')],
    ['an exponent', b64('o:1e3')],
    ['leading zeros', b64('o:007')],
    ['another prefix', b64('x:1')],
    ['padding a client added', `${encodeCursor(5)}==`],
    [
      'stray characters base64 decoding would skip',
      `${encodeCursor(5).slice(0, 2)}!${encodeCursor(5).slice(2)}`,
    ],
    ['an empty string', ''],
  ])('refuse %s as BAD_USER_INPUT on after', (_what, cursor) => {
    expect(() => decodeCursor(cursor)).toThrow(BadInputError);
    try {
      decodeCursor(cursor);
    } catch (error) {
      expect((error as BadInputError).extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'after',
      });
    }
  });

  it('do not echo a huge forged cursor back', () => {
    expect(() => decodeCursor('x'.repeat(50_000))).toThrow(
      /^"x{40}…" is not a cursor this API issued$/,
    );
  });
});
