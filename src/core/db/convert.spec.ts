import neo4j, { Date as Neo4jDate } from 'neo4j-driver';
import { toNative } from './convert';

describe('toNative', () => {
  it('turns driver values inside lists and maps into plain ones', () => {
    const raw = {
      count: neo4j.int(3),
      big: neo4j.int('9007199254740993'),
      day: new Neo4jDate(2021, 3, 9),
      items: [{ n: neo4j.int(1), tags: ['a', null] }, undefined],
      text: '枫桥',
    };
    expect(toNative(raw)).toEqual({
      count: 3,
      big: '9007199254740993',
      day: '2021-03-09',
      items: [{ n: 1, tags: ['a', null] }, null],
      text: '枫桥',
    });
  });

  it('leaves no driver integer behind at any depth', () => {
    const deep = { a: [[{ b: [neo4j.int(7)] }]] };
    expect(JSON.stringify(toNative(deep))).toBe('{"a":[[{"b":[7]}]]}');
  });
});
