import { applyMigrations } from '../../src/db/migrations';
import { openTestDatabase } from './harness';

/** Schema (and, once it exists, the seed graph) on the test database. */
export async function prepareTestDatabase(): Promise<void> {
  const db = openTestDatabase();
  try {
    await applyMigrations(db.executor);
  } finally {
    await db.close();
  }
}
