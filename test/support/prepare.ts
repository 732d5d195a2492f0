import path from 'node:path';
import { PROJECT_ROOT } from '../../src/core/config';
import { Executor } from '../../src/core/db/executor';
import { loadSeed, type SeedSummary } from '../../src/seed/seed-load';
import { openTestDatabase } from './harness';

/** Loads the seed graph (Yunnan) into the test database; the suite reads it, never writes it. */
export async function prepareTestDatabase(): Promise<SeedSummary> {
  const db = openTestDatabase();
  try {
    const executor = new Executor(db.driver, {
      database: db.config.neo4j.database,
      timeoutMs: 300_000,
      app: 'zhili-test-seed',
    });
    const summary = await loadSeed(executor, {
      seedDir: path.join(PROJECT_ROOT, 'seed'),
      provinces: ['53'],
    });
    console.log(
      `Seed loaded in ${(summary.ms.total / 1000).toFixed(1)} s: ${summary.regions} regions, ${summary.nodes.Observation} observations.`,
    );
    return summary;
  } finally {
    await db.close();
  }
}
