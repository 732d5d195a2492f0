import path from 'node:path';
import { PROJECT_ROOT } from '../src/core/config';
import { seedCheckArgs } from './seed-check';

describe('seed:check arguments', () => {
  it('checks seed/ by default, another folder when named, and lays each --with folder over it', () => {
    expect(seedCheckArgs([])).toEqual({
      seedDir: path.join(PROJECT_ROOT, 'seed'),
      extraDirs: [],
      gazetteer: 'seed',
    });
    expect(seedCheckArgs(['other', '--with', 'drafts/a', '--with=drafts/b'])).toEqual({
      seedDir: path.resolve('other'),
      extraDirs: [path.resolve('drafts/a'), path.resolve('drafts/b')],
      gazetteer: 'seed',
    });
    expect(seedCheckArgs(['--gazetteer', 'all']).gazetteer).toBe('all');
    expect(seedCheckArgs(['--gazetteer=sample']).gazetteer).toBe('sample');
    expect(() => seedCheckArgs(['--gazetteer=china'])).toThrow(/seed, sample or all/);
  });
});
