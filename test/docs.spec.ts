import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ApolloServerErrorCode } from '@apollo/server/errors';
import { PROJECT_ROOT } from '../src/core/config';
import { ErrorCode } from '../src/core/errors';

/** Documents that must say what the code says; each check reads both. */
const read = (file: string) => readFileSync(path.join(PROJECT_ROOT, file), 'utf8');
const known = new Set<string>([
  ...Object.values(ErrorCode),
  ...Object.values(ApolloServerErrorCode),
]);

/** The codes in the first column of the README's error table (the `| code | when | HTTP |` one). */
function tableCodes(readme: string): string[] {
  const table = readme.split('| code | when | HTTP |')[1]?.split('\n\n')[0] ?? '';
  return table
    .split('\n')
    .flatMap((row) => row.split('|')[1]?.match(/`[A-Z_]+`/g) ?? [])
    .map((c) => c.slice(1, -1));
}

/** Every backticked ALL_CAPS word of a document section that looks like an error code. */
const codesIn = (text: string): string[] =>
  [...text.matchAll(/`([A-Z]+(?:_[A-Z]+)+|[A-Z]{6,})`/g)].map((m) => m[1]!);

describe('the error codes in the docs', () => {
  const readme = read('README.md');
  const architecture = read('docs/ARCHITECTURE.md');
  const errors = architecture.split('## Errors')[1]!.split('\n## ')[0]!;

  it('README: the table lists every code of the catalogue and no code that does not exist', () => {
    const listed = tableCodes(readme);
    expect(listed.length).toBeGreaterThan(10);
    expect(Object.values(ErrorCode).filter((c) => !listed.includes(c))).toEqual([]);
    expect(listed.filter((c) => !known.has(c))).toEqual([]);
  });

  it('ARCHITECTURE.md: the Errors section names every code of the catalogue, and only real ones', () => {
    const named = codesIn(errors);
    expect(Object.values(ErrorCode).filter((c) => !named.includes(c))).toEqual([]);
    expect(named.filter((c) => !known.has(c))).toEqual([]);
  });

  it('would notice a code missing from the table', () => {
    const without = readme.replace(/\| `CONFLICT` \|[^\n]*\n/, '');
    expect(tableCodes(without)).not.toContain('CONFLICT');
    expect(tableCodes(readme)).toContain('CONFLICT');
  });
});
