import 'reflect-metadata';
import type { Driver } from 'neo4j-driver';
import { ConfigError, loadConfig, loadDotEnv } from './core/config';
import { createDriver } from './core/db/driver';
import { Executor } from './core/db/executor';
import { devInstance } from './core/db/local-instances';
import { startLocalNeo4j, stopLocalNeo4j } from './core/db/local-neo4j';
import { applySchema } from './core/db/schema-statements';
import { createLogger, type Logger } from './core/logger';
import { SCHEMA } from './modules';
import { seedIfEmpty } from './seed/seed-if-empty';
import { createApp, type App } from './server/app';

const EXAMPLE_QUERY = '{ search(text: "枫桥", first: 3) { type id name nameEn snippet } }';

/** The local Neo4j unless NEO4J_URI names a server: its URI, and whether this process started it. */
async function neo4jUri(config: ReturnType<typeof loadConfig>, log: Logger): Promise<{ uri: string; stopLocal?: () => Promise<unknown> }> {
  if (config.neo4j.uri) return { uri: config.neo4j.uri };
  const local = devInstance(config);
  log.info(`No NEO4J_URI set: using the local Neo4j (${local.dataDir}, port ${local.port}).`);
  const started = await startLocalNeo4j(local);
  log.info(started.startedNow ? `Local Neo4j started in ${(started.ms / 1000).toFixed(1)} s.` : 'Local Neo4j was already running.');
  return { uri: started.uri, stopLocal: started.startedNow ? () => stopLocalNeo4j(local) : undefined };
}

async function main(): Promise<void> {
  const t0 = Date.now();
  loadDotEnv();
  const config = loadConfig();
  const log = createLogger({ level: config.logLevel });
  const { uri, stopLocal } = await neo4jUri(config, log);
  const driver: Driver = createDriver(config.neo4j, uri);
  let app: App | undefined;
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) process.exit(1);
    stopping = true;
    log.info(`${signal}: shutting down…`);
    await app?.stop().catch((err: unknown) => log.error({ err }, 'HTTP drain failed'));
    await driver.close().catch(() => undefined);
    if (stopLocal) {
      await stopLocal();
      log.info('Local Neo4j stopped.');
    }
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  await driver.verifyConnectivity({ database: config.neo4j.database });
  const executor = new Executor(driver, { database: config.neo4j.database, timeoutMs: config.neo4j.queryTimeoutMs, app: 'zhili' });
  log.info(`Schema: ${await applySchema(executor, [...SCHEMA.constraints, ...SCHEMA.indexes])} schema statements applied; constraints and indexes in place.`);
  if (config.seedOnStart) {
    const seeded = await seedIfEmpty(executor, (line) => log.info(line));
    if (seeded.summary) {
      const { nodes, quotes, ms } = seeded.summary;
      log.info(`Seed graph loaded in ${(ms.total / 1000).toFixed(1)} s: ${Object.entries(nodes).map(([k, v]) => `${v} ${k}`).join(', ')}; ${quotes} quotes located.`);
    } else log.info('Database already holds data: seed not loaded (run `npm run seed` to update it).');
  }
  app = await createApp(config, executor, { log });
  const url = await app.listen();
  // 127.0.0.1 and 0.0.0.0 are reached as localhost from a browser on this machine.
  const base = config.http.publicUrl ?? url.replace(/\/graphql$/, '').replace(/\/\/(127\.0\.0\.1|0\.0\.0\.0)(?=:)/, '//localhost');
  log.info(`Zhili GraphQL API ready in ${((Date.now() - t0) / 1000).toFixed(1)} s at ${base}/graphql`);
  log.info(`Health: ${base}/health/live, ${base}/health/ready`);
  log.info(`Try: curl -s ${base}/graphql -H 'content-type: application/json' -d '${JSON.stringify({ query: EXAMPLE_QUERY })}'`);
}

main().catch((error) => {
  if (error instanceof ConfigError) console.error(error.message);
  else console.error('Start-up failed:', error instanceof Error ? error.message : error);
  process.exit(1);
});
