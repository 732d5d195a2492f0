import {
  formatToken,
  isKeyId,
  newKeyId,
  newSecret,
  parseToken,
  readAuthorization,
} from './apikey-token';

describe('API key tokens', () => {
  it('round-trips id and secret through zk_<id>_<secret>, whatever the secret holds', () => {
    for (let i = 0; i < 200; i++) {
      const id = newKeyId();
      const secret = newSecret();
      const token = formatToken(id, secret);
      expect(token.startsWith(`zk_${id}_`)).toBe(true);
      expect(parseToken(token)).toEqual({ id, secret });
      expect(isKeyId(id)).toBe(true);
    }
    // base64url secrets may start with '_' or '-': the id (hex) still ends at the first separator.
    expect(parseToken(`zk_0123456789abcdef__${'-'.repeat(42)}`)).toEqual({
      id: '0123456789abcdef',
      secret: `_${'-'.repeat(42)}`,
    });
  });

  it('makes ids and secrets that do not repeat', () => {
    const secrets = new Set(Array.from({ length: 1000 }, newSecret));
    expect(secrets.size).toBe(1000);
    expect(newSecret()).toHaveLength(43);
  });

  it.each([
    ['empty', ''],
    ['wrong prefix', `zz_0123456789abcdef_${'a'.repeat(43)}`],
    ['uppercase id', `zk_0123456789ABCDEF_${'a'.repeat(43)}`],
    ['short id', `zk_0123456789abcde_${'a'.repeat(43)}`],
    ['short secret', `zk_0123456789abcdef_${'a'.repeat(42)}`],
    ['long secret', `zk_0123456789abcdef_${'a'.repeat(44)}`],
    ['secret outside base64url', `zk_0123456789abcdef_${'a'.repeat(42)}=`],
    ['trailing newline', `zk_0123456789abcdef_${'a'.repeat(43)}\n`],
    ['a JWT', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl'],
  ])('refuses a malformed token: %s', (_what, token) => {
    expect(parseToken(token)).toBeNull();
  });
});

describe('the Authorization header', () => {
  it('is no credentials when absent or empty', () => {
    expect(readAuthorization(undefined)).toEqual({ kind: 'none' });
    expect(readAuthorization('')).toEqual({ kind: 'none' });
    expect(readAuthorization('   ')).toEqual({ kind: 'none' });
  });

  it('reads a bearer token, the scheme in any case', () => {
    expect(readAuthorization('Bearer abc')).toEqual({ kind: 'bearer', token: 'abc' });
    expect(readAuthorization('bearer  abc ')).toEqual({ kind: 'bearer', token: 'abc' });
  });

  it.each([['Basic dXNlcjpwYXNz'], ['Bearer'], ['Bearer a b'], ['abc'], ['Token abc']])(
    'calls %j malformed',
    (header) => {
      expect(readAuthorization(header).kind).toBe('malformed');
    },
  );
});
