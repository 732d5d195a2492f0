import { BadBookmarkError, formatBookmarks, parseBookmarks } from './bookmarks';

describe('the Zhili-Bookmark header', () => {
  it('carries a write’s bookmarks there and back, opaque to the client', () => {
    const bookmarks = ['FB:kcwQx3yCvKF3Qj2tbSr+6zScPA==', 'FB:another'];
    const header = formatBookmarks(bookmarks);
    expect(header).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(parseBookmarks(header)).toEqual(bookmarks);
    expect(parseBookmarks(undefined)).toEqual([]);
    expect(parseBookmarks('')).toEqual([]);
  });

  it('refuses what this API could not have given, as the client’s BAD_REQUEST', () => {
    const bad = [
      'not base64 json!',
      Buffer.from('{"a":1}').toString('base64url'),
      formatBookmarks(Array.from({ length: 17 }, (_, i) => `b${i}`)),
      formatBookmarks(['x'.repeat(513)]),
      'a'.repeat(5000),
    ];
    for (const header of bad) expect(() => parseBookmarks(header)).toThrow(BadBookmarkError);
    expect(() => parseBookmarks(['a', 'b'])).toThrow(BadBookmarkError);
    try {
      parseBookmarks('%%%');
    } catch (error) {
      expect((error as BadBookmarkError).extensions).toMatchObject({
        code: 'BAD_REQUEST',
        http: { status: 400 },
      });
    }
  });
});
