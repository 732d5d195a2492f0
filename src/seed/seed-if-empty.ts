import path from 'node:path';
import { z } from 'zod';
import { PROJECT_ROOT } from '../core/config';
import type { Executor } from '../core/db/executor';
import { loadSeed, type SeedSummary } from './seed-load';

const USED = z.object({ used: z.boolean() });

export interface SeedOutcome {
  readonly loaded: boolean;
  readonly summary?: SeedSummary;
}

/**
 * Loads the seed graph (Yunnan) when the database holds no node at all; a used database is left
 * alone. The caller has applied the migrations already. API keys do not count: `npm run keys`
 * may create one before the API has ever started; nor does the graph's state (the migration
 * lease is taken before this runs).
 */
export async function seedIfEmpty(
  executor: Executor,
  log: (line: string) => void,
): Promise<SeedOutcome> {
  const [row] = await executor.read(
    {
      cypher: 'RETURN EXISTS { MATCH (n) WHERE NOT n:ApiKey AND NOT n:GraphState } AS used',
      row: USED,
    },
    'seed-check',
  );
  if (row?.used) {
    // A graph loaded before search kept its own keys still answers, but ranks and matches pinyin
    // poorly.
    const [stale] = await executor.read(
      {
        cypher: 'RETURN EXISTS { MATCH (n:GovernanceModel) WHERE n.searchNames IS NULL } AS used',
        row: USED,
      },
      'seed-search-keys',
    );
    if (stale?.used)
      log(
        'The graph was loaded by an older version, without search keys: run `npm run seed` (or ' +
          '`npm run seed -- --all`) to add them.',
      );
    return { loaded: false };
  }
  log('Database is empty: loading the seed graph…');
  const summary = await loadSeed(executor, {
    seedDir: path.join(PROJECT_ROOT, 'seed'),
    provinces: ['53'],
    log,
    migrate: false,
  });
  return { loaded: true, summary };
}
