import type { CypherQuery, Executor } from './executor';

/**
 * Applies constraints and indexes (each IF NOT EXISTS, so idempotent), one per transaction as
 * Neo4j requires for schema commands, then waits for the indexes to come online. The statements
 * come from the module registry (src/modules.ts).
 */
export async function applySchema(executor: Executor, statements: readonly CypherQuery[]): Promise<number> {
  for (const q of statements) await executor.write(q, 'migrate');
  await executor.write({ cypher: 'CALL db.awaitIndexes(300)' }, 'migrate');
  return statements.length;
}
