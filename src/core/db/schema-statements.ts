import type { CypherQuery, Executor } from './executor';

/**
 * Applies constraints and indexes (each IF NOT EXISTS, or DROP … IF EXISTS for a retired index, so
 * idempotent), one per transaction as Neo4j requires for schema commands, then waits for the
 * indexes to come online. The statements come from the module registry (src/modules.ts).
 */
export async function applySchema(
  executor: Executor,
  statements: readonly CypherQuery[],
): Promise<number> {
  await createSchema(executor, statements);
  await awaitIndexes(executor);
  return statements.length;
}

/** Creates constraints and indexes; the database populates new indexes in the background. */
export async function createSchema(
  executor: Executor,
  statements: readonly CypherQuery[],
): Promise<void> {
  for (const q of statements) await executor.write(q, 'migrate');
}

/** Waits until every index is online (populated). */
export async function awaitIndexes(executor: Executor): Promise<void> {
  await executor.write({ cypher: 'CALL db.awaitIndexes(600)' }, 'migrate');
}
