import path from 'node:path';
import { PROJECT_ROOT, type Config } from '../config';
import type { LocalInstance } from './local-neo4j';

/** The developer's local Neo4j, from configuration. */
export function devInstance(config: Config): LocalInstance {
  return {
    dataDir: config.localNeo4j.dataDir,
    port: config.localNeo4j.port,
    password: config.neo4j.password,
    heap: config.localNeo4j.heap,
    pageCacheMb: config.localNeo4j.pageCacheMb,
  };
}

/**
 * The test suite's own instances: own folder and port, so tests never touch the data a user is
 * browsing. `name` separates suites that must stop their database (the readiness test).
 */
export function testInstance(name = 'test', port = Number(process.env.TEST_NEO4J_PORT ?? 7688)): LocalInstance {
  return {
    dataDir: path.join(PROJECT_ROOT, '.neo4j', name),
    port,
    password: 'zhili-test',
    heap: '1g',
    pageCacheMb: 256,
  };
}
