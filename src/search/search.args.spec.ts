import 'reflect-metadata';
import { validate } from 'class-validator';
import { SearchArgs } from './search.args';

const problems = async (args: Partial<SearchArgs>) =>
  (await validate(Object.assign(new SearchArgs(), { first: 10, ...args }))).flatMap((e) =>
    Object.values(e.constraints ?? {}).map((m) => `${e.property}: ${m}`),
  );

describe('SearchArgs', () => {
  it('accepts text of 1 to 100 characters once trimmed', async () => {
    expect(await problems({ text: ` ${'枫'.repeat(100)} ` })).toEqual([]);
  });

  it('refuses empty and oversized text, naming the field', async () => {
    expect(await problems({ text: '   ' })).toEqual(['text: search text must not be empty']);
    expect(await problems({ text: 'x'.repeat(101) })).toEqual([
      'text: search text must be at most 100 characters',
    ]);
  });

  it('bounds first from 1 to 50', async () => {
    expect(await problems({ text: 'x', first: 0 })).toEqual([
      'first: first must be between 1 and 50',
    ]);
    expect(await problems({ text: 'x', first: 51 })).toEqual([
      'first: first must be between 1 and 50',
    ]);
  });
});
