import 'reflect-metadata';
import { testInstance } from '../../src/core/db/local-instances';
import { startLocalNeo4j } from '../../src/core/db/local-neo4j';
import { prepareTestDatabase } from './prepare';
import { startTestRedis, TEST_REDIS_PORT } from './redis';

/**
 * Starts the suite's own Neo4j and Redis (unless already up) and prepares schema and seed once.
 */
export default async function globalSetup(): Promise<void> {
  const redis = await startTestRedis();
  (globalThis as Record<string, unknown>).__zhiliStartedTestRedis = redis;
  console.log(`\nTest Redis ${redis ? 'started' : 'already running'} on port ${TEST_REDIS_PORT}`);
  const instance = testInstance();
  const started = await startLocalNeo4j(instance, (line) => console.log(line));
  (globalThis as Record<string, unknown>).__zhiliStartedTestDb = started.startedNow;
  console.log(
    `\nTest Neo4j ${started.startedNow ? `started in ${(started.ms / 1000).toFixed(1)} s` : 'already running'} at ${started.uri}`,
  );
  await prepareTestDatabase();
}
