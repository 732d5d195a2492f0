import { testInstance } from '../../src/core/db/local-instances';
import { stopLocalNeo4j } from '../../src/core/db/local-neo4j';

/** Stops the test Neo4j only if this run started it (a developer's running one stays up). */
export default async function globalTeardown(): Promise<void> {
  if ((globalThis as Record<string, unknown>).__zhiliStartedTestDb)
    await stopLocalNeo4j(testInstance());
}
