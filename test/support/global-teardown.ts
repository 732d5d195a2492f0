import { testInstance } from '../../src/core/db/local-instances';
import { stopLocalNeo4j } from '../../src/core/db/local-neo4j';
import { stopTestRedis } from './redis';

/** Stops the test Neo4j and Redis only if this run started them (a developer's stay up). */
export default async function globalTeardown(): Promise<void> {
  if ((globalThis as Record<string, unknown>).__zhiliStartedTestRedis) await stopTestRedis();
  if ((globalThis as Record<string, unknown>).__zhiliStartedTestDb)
    await stopLocalNeo4j(testInstance());
}
