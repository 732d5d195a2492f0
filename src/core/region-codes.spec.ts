import {
  CODE_LENGTHS,
  CODE_LENGTHS_TEXT,
  isLevel,
  levelOf,
  parentCode,
  prefixOf,
  REGION_CODE,
} from './region-codes';

describe('region codes', () => {
  it('reads the level off the length, and refuses other lengths and non-digits', () => {
    expect(levelOf('53')).toBe('PROVINCE');
    expect(levelOf('530124')).toBe('COUNTY');
    expect(levelOf('530124002001')).toBe('VILLAGE');
    expect(() => levelOf('5301240')).toThrow(/not an official region code/);
    expect(() => levelOf('53a1')).toThrow(/not an official region code/);
  });

  it('cuts a code to its parent and to any level above it', () => {
    expect(parentCode('530124002001')).toBe('530124002');
    expect(parentCode('530124002')).toBe('530124');
    expect(parentCode('5301')).toBe('53');
    expect(parentCode('53')).toBeUndefined();
    expect(prefixOf('530124002001', 'PREFECTURE')).toBe('5301');
    expect(isLevel('530124', 'COUNTY')).toBe(true);
    expect(isLevel('5301', 'COUNTY')).toBe(false);
  });

  it('matches codes of the five lengths only', () => {
    expect(CODE_LENGTHS).toEqual([2, 4, 6, 9, 12]);
    expect(CODE_LENGTHS_TEXT).toBe('2, 4, 6, 9 or 12');
    expect(
      ['53', '5301', '530124', '530124002', '530124002001'].every((c) => REGION_CODE.test(c)),
    ).toBe(true);
    expect(['5', '530', '53012400', '5301240020011', '53a1'].some((c) => REGION_CODE.test(c))).toBe(
      false,
    );
  });
});
