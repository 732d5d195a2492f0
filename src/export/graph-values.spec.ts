import {
  cellText,
  encodeProperties,
  encodeValue,
  floatText,
  splitProperties,
  typedValue,
  typeName,
} from './graph-values';

describe('property values in the export file', () => {
  it('keeps strings, booleans, finite floats and their lists as plain JSON', () => {
    expect(encodeValue({ k: 'a', t: 'STRING NOT NULL', v: '盘龙区, "x"' })).toBe('盘龙区, "x"');
    expect(encodeValue({ k: 'a', t: 'BOOLEAN NOT NULL', v: false })).toBe(false);
    expect(encodeValue({ k: 'a', t: 'FLOAT NOT NULL', v: 2013 })).toBe(2013);
    expect(encodeValue({ k: 'a', t: 'LIST<STRING NOT NULL> NOT NULL', v: ['盘龙'] })).toEqual([
      '盘龙',
    ]);
    expect(encodeValue({ k: 'a', t: 'LIST<NOTHING> NOT NULL', v: [] })).toEqual([]);
    expect(encodeValue({ k: 'a', t: 'LIST<FLOAT NOT NULL> NOT NULL', v: [1.5, 2] })).toEqual([
      1.5, 2,
    ]);
  });

  it('tags integers (as text, 64 bits), temporals, points and floats JSON cannot hold', () => {
    expect(encodeValue({ k: 'a', t: 'INTEGER NOT NULL', v: '9223372036854775807' })).toEqual({
      $type: 'INTEGER',
      value: '9223372036854775807',
    });
    expect(encodeValue({ k: 'a', t: 'LIST<INTEGER NOT NULL> NOT NULL', v: ['1', '2'] })).toEqual({
      $type: 'LIST<INTEGER>',
      value: ['1', '2'],
    });
    expect(
      encodeValue({ k: 'a', t: 'ZONED DATETIME NOT NULL', v: '2021-02-09T10:02:00+08:00' }),
    ).toEqual({ $type: 'ZONED DATETIME', value: '2021-02-09T10:02:00+08:00' });
    expect(
      encodeValue({ k: 'a', t: 'POINT NOT NULL', v: { srid: 4326, x: 102.7, y: 25, z: null } }),
    ).toEqual({ $type: 'POINT', value: { srid: 4326, x: 102.7, y: 25 } });
    expect(encodeValue({ k: 'a', t: 'FLOAT NOT NULL', v: Number.NaN })).toEqual({
      $type: 'FLOAT',
      value: 'NaN',
    });
    expect(encodeValue({ k: 'a', t: 'FLOAT NOT NULL', v: -0 })).toEqual({
      $type: 'FLOAT',
      value: '-0.0',
    });
    expect(
      encodeValue({ k: 'a', t: 'LIST<FLOAT NOT NULL> NOT NULL', v: [1, Number.POSITIVE_INFINITY] }),
    ).toEqual({ $type: 'LIST<FLOAT>', value: ['1', 'Infinity'] });
    expect(() => encodeValue({ k: 'a', t: 'MAP NOT NULL', v: {} })).toThrow(
      /MAP cannot be exported/,
    );
  });

  it('writes every float so that it reads back to the same double', () => {
    for (const x of [0.1 + 0.2, 1e21, -1.5e-300, 2 ** 53 + 2, Math.PI])
      expect(Number(floatText(x))).toBe(x);
    expect([floatText(-0), floatText(Number.NEGATIVE_INFINITY)]).toEqual(['-0.0', '-Infinity']);
  });

  it('sorts properties by name in code-unit order, whatever order Neo4j gives', () => {
    const props = encodeProperties([
      { k: 'name', t: 'STRING', v: 'x' },
      { k: 'Z', t: 'STRING', v: 'z' },
      { k: 'code', t: 'STRING', v: '53' },
    ]);
    expect(Object.keys(props)).toEqual(['Z', 'code', 'name']);
    expect(typeName('LIST<INTEGER NOT NULL> NOT NULL')).toBe('LIST<INTEGER>');
  });

  it('splits properties into a plain map and tagged ones the import reads back in Cypher', () => {
    const { plain, typed } = splitProperties({
      code: '53',
      n: { $type: 'INTEGER', value: '7' },
      xs: ['a'],
    });
    expect(plain).toEqual({ code: '53', xs: ['a'] });
    expect(typed).toEqual([{ key: 'n', type: 'INTEGER', value: '7' }]);
    const cypher = typedValue('p');
    for (const reader of [
      'toInteger(p.value)',
      'date(p.value)',
      'datetime(p.value)',
      'duration(p.value)',
      '[x IN p.value | date(x)]',
      'ELSE p.value END',
    ])
      expect(cypher).toContain(reader);
  });

  it('writes one text cell per value for CSV and GraphML', () => {
    expect(cellText(['a', 'b'])).toBe('["a","b"]');
    expect(cellText({ $type: 'DATE', value: '2021-01-01' })).toBe('2021-01-01');
    expect(cellText({ $type: 'POINT', value: { srid: 7203, x: 1, y: 2 } })).toBe(
      '{"srid":7203,"x":1,"y":2}',
    );
    expect(cellText(true)).toBe('true');
  });
});
