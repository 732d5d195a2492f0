import path from 'node:path';
import { type Config, PROJECT_ROOT } from '../config';
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
export function testInstance(
  name = 'test',
  port = Number(process.env.TEST_NEO4J_PORT ?? 7688),
): LocalInstance {
  return {
    dataDir: path.join(PROJECT_ROOT, '.neo4j', name),
    port,
    password: 'zhili-test',
    heap: '1g',
    pageCacheMb: 256,
  };
}

/**
 * The benchmark's instances, one per scale, loaded once and kept (npm run bench): own folder and
 * port, larger memory for the national graph.
 */
export function benchInstance(
  scale: string,
  port = Number(process.env.BENCH_NEO4J_PORT ?? 7690),
): LocalInstance {
  return {
    dataDir: path.join(PROJECT_ROOT, '.neo4j', `bench-${scale}`),
    port,
    password: 'zhili-bench',
    heap: process.env.BENCH_NEO4J_HEAP ?? '3g',
    pageCacheMb: Number(process.env.BENCH_NEO4J_PAGECACHE_MB ?? 3072),
  };
}
