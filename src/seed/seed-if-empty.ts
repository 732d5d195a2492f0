import type { Executor } from '../db/executor';

export interface SeedOutcome {
  readonly loaded: boolean;
  readonly reason: string;
}

/** Loads the seed graph when the database holds no node at all; never touches a used database. */
export async function seedIfEmpty(executor: Executor, log: (line: string) => void): Promise<SeedOutcome> {
  const [row] = await executor.read({ cypher: 'MATCH (n) RETURN count(n) > 0 AS used' }, 'seed-check');
  if (row?.used) return { loaded: false, reason: 'database already holds data' };
  // The seed loader lands with the seed-graph issue; until then an empty graph stays empty.
  log('Database is empty; no seed loader is installed yet.');
  return { loaded: false, reason: 'no seed loader yet' };
}
