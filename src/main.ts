import 'reflect-metadata';
import type { Driver } from 'neo4j-driver';
import { ConfigError, loadConfig, loadDotEnv } from './config/config';
import { createDriver } from './db/driver';
import { Executor } from './db/executor';
import { devInstance } from './db/local-instances';
import { startLocalNeo4j, stopLocalNeo4j } from './db/local-neo4j';
import { applyMigrations } from './db/migrations';
import { seedIfEmpty } from './seed/seed-if-empty';
import { createApp, type App } from './server/app';

const EXAMPLE_QUERY = '{ search(text: "枫桥", first: 3) { type id name nameEn snippet } }';

async function main(): Promise<void> {
  const t0 = Date.now();
  loadDotEnv();
  const config = loadConfig();
  const local = config.neo4j.uri ? undefined : devInstance(config);
  let startedLocal = false;
  let uri = config.neo4j.uri;
  if (local) {
    console.log(`No NEO4J_URI set: using the local Neo4j (${local.dataDir}, port ${local.port}).`);
    const started = await startLocalNeo4j(local);
    startedLocal = started.startedNow;
    uri = started.uri;
    console.log(started.startedNow ? `Local Neo4j started in ${(started.ms / 1000).toFixed(1)} s.` : 'Local Neo4j was already running.');
  }
  const driver: Driver = createDriver(config.neo4j, uri!);
  let app: App | undefined;
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) {
      console.log('Forced exit.');
      process.exit(1);
    }
    stopping = true;
    console.log(`${signal}: shutting down…`);
    await app?.stop().catch((e) => console.error('HTTP drain failed:', e));
    await driver.close().catch(() => undefined);
    if (local && startedLocal) {
      await stopLocalNeo4j(local);
      console.log('Local Neo4j stopped.');
    }
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  await driver.verifyConnectivity({ database: config.neo4j.database });
  const executor = new Executor(driver, { database: config.neo4j.database, timeoutMs: config.neo4j.queryTimeoutMs, app: 'zhili' });
  const applied = await applyMigrations(executor);
  console.log(`Schema: ${applied} constraints and indexes in place.`);
  if (config.seedOnStart) {
    const seeded = await seedIfEmpty(executor, console.log);
    if (seeded.summary) {
      const { nodes, quotes, ms } = seeded.summary;
      console.log(`Seed graph loaded in ${(ms.total / 1000).toFixed(1)} s: ${Object.entries(nodes).map(([k, v]) => `${v} ${k}`).join(', ')}; ${quotes} quotes located.`);
    } else console.log('Database already holds data: seed not loaded (run `npm run seed` to update it).');
  }
  app = await createApp(config, executor);
  const url = await app.listen();
  // 127.0.0.1 and 0.0.0.0 are reached as localhost from a browser on this machine.
  const base = config.http.publicUrl ?? url.replace(/\/graphql$/, '').replace(/\/\/(127\.0\.0\.1|0\.0\.0\.0)(?=:)/, '//localhost');
  console.log(`\nZhili GraphQL API ready in ${((Date.now() - t0) / 1000).toFixed(1)} s at ${base}/graphql`);
  console.log(`Health: ${base}/health/live, ${base}/health/ready`);
  console.log(`Try:\n  curl -s ${base}/graphql -H 'content-type: application/json' \\\n    -d '${JSON.stringify({ query: EXAMPLE_QUERY })}'\n`);
}

main().catch((error) => {
  if (error instanceof ConfigError) console.error(error.message);
  else console.error('Start-up failed:', error instanceof Error ? error.message : error);
  process.exit(1);
});
