import 'reflect-metadata';
import path from 'node:path';
import { loadConfig, loadDotEnv, PROJECT_ROOT } from '../src/core/config';
import { createDriver } from '../src/core/db/driver';
import { Executor } from '../src/core/db/executor';
import { devInstance } from '../src/core/db/local-instances';
import { startLocalNeo4j } from '../src/core/db/local-neo4j';
import { loadSeed, SeedCheckError } from '../src/seed/seed-load';
import { formatSummary } from '../src/seed/seed-summary';

/**
 * npm run seed [-- --all | --provinces 53,33]: loads the seed graph into the configured Neo4j
 * (the local one, started if needed, when NEO4J_URI is unset). Yunnan by default.
 */
async function main(): Promise<void> {
  loadDotEnv();
  const config = loadConfig();
  const args = process.argv.slice(2);
  const listed = args.includes('--provinces')
    ? args[args.indexOf('--provinces') + 1]?.split(',')
    : undefined;
  const provinces = args.includes('--all') ? 'all' : (listed ?? ['53']);
  const uri = config.neo4j.uri ?? (await startLocalNeo4j(devInstance(config))).uri;
  const driver = createDriver(config.neo4j, uri);
  // Region batches of 5,000 rows are far from any timeout; the knowledge graph is one transaction.
  const executor = new Executor(driver, {
    database: config.neo4j.database,
    timeoutMs: Math.max(config.neo4j.queryTimeoutMs, 300_000),
    app: 'zhili-seed',
  });
  try {
    console.log(
      `Loading the seed graph (${provinces === 'all' ? 'all of China' : `provinces ${provinces.join(', ')}`}) into ${uri}…`,
    );
    const summary = await loadSeed(executor, {
      seedDir: path.join(PROJECT_ROOT, 'seed'),
      provinces,
      progress: process.stderr.isTTY || provinces === 'all',
      log: console.log,
    });
    console.log(formatSummary(summary));
  } finally {
    await driver.close();
  }
}

main().catch((error) => {
  console.error(error instanceof SeedCheckError || error instanceof Error ? error.message : error);
  process.exit(1);
});
