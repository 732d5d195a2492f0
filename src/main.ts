import 'reflect-metadata';
import { GraphQLError } from 'graphql';
import type { Driver } from 'neo4j-driver';
import { type Config, ConfigError, loadConfig, loadDotEnv } from './core/config';
import { createDriver } from './core/db/driver';
import { Executor } from './core/db/executor';
import { devInstance } from './core/db/local-instances';
import { localStatus, startLocalNeo4j, stopLocalNeo4j } from './core/db/local-neo4j';
import { createLogger, type Logger } from './core/logger';
import { connectRedis, type SharedRedis } from './core/redis';
import { awaitMigration, migrate } from './seed/migrate';
import { type App, createApp } from './server/app';
import { preflight, PreflightError } from './server/preflight';

const EXAMPLE_QUERY = '{ search(text: "枫桥", first: 3) { type id name nameEn snippet } }';

/** What this process has started, to be stopped (last first) on shutdown or on a failed start. */
interface Started {
  driver?: Driver;
  redis?: SharedRedis;
  app?: App;
  stopLocal?: () => Promise<{ stopped: boolean }>;
}

/**
 * The local Neo4j unless NEO4J_URI names a server: its URI. Records a Neo4j this process starts.
 */
async function neo4jUri(config: Config, log: Logger, started: Started): Promise<string> {
  if (config.neo4j.uri) return config.neo4j.uri;
  const local = devInstance(config);
  log.info(`No NEO4J_URI set: using the local Neo4j (${local.dataDir}, port ${local.port}).`);
  // Recorded before it is up, so a failed or interrupted start-up stops it too; one that another
  // process runs or is starting is never ours to stop.
  if ((await localStatus(local)).pid === undefined) started.stopLocal = () => stopLocalNeo4j(local);
  const result = await startLocalNeo4j(local);
  if (!result.startedNow) started.stopLocal = undefined;
  log.info(
    result.startedNow
      ? `Local Neo4j started in ${(result.ms / 1000).toFixed(1)} s.`
      : 'Local Neo4j was already running.',
  );
  return result.uri;
}

async function stopAll(started: Started, log: Logger): Promise<void> {
  await started.app?.stop().catch((err: unknown) => log.error({ err }, 'HTTP drain failed'));
  await started.redis?.close();
  await started.driver?.close().catch(() => undefined);
  if (started.stopLocal) {
    const result = await started
      .stopLocal()
      .catch((err: unknown) => log.error({ err }, 'Could not stop the local Neo4j'));
    if (result?.stopped) log.info('Local Neo4j stopped.');
  }
}

/**
 * With SEED_ON_START (one process, development): the migration (schema, region names, the seed
 * graph if the database is empty), taking turns with any other process starting. Without
 * (replicas): waits for `zhili migrate` to have run.
 */
async function prepareDatabase(config: Config, executor: Executor, log: Logger): Promise<void> {
  const say = (line: string) => log.info(line);
  if (!config.seedOnStart) {
    const waited = await awaitMigration(executor, config.migrationWaitMs, say);
    log.info(`Database migrated${waited > 0 ? ` (waited ${(waited / 1000).toFixed(1)} s)` : ''}.`);
    return;
  }
  const done = await migrate(executor, say, { waitMs: config.migrationWaitMs });
  log.info(
    `Schema: ${done.statements} schema statements applied; constraints and indexes in place.`,
  );
  if (done.seeded) {
    const { nodes, quotes, ms } = done.seeded;
    log.info(
      `Seed graph loaded in ${(ms.total / 1000).toFixed(1)} s: ${Object.entries(nodes)
        .map(([k, v]) => `${v} ${k}`)
        .join(', ')}; ${quotes} quotes located.`,
    );
  } else
    log.info('Database already holds data: seed not loaded (run `npm run seed` to update it).');
}

async function start(config: Config, log: Logger, started: Started): Promise<void> {
  const t0 = Date.now();
  const uri = await neo4jUri(config, log, started);
  const driver = createDriver(config.neo4j, uri);
  started.driver = driver;
  await driver.verifyConnectivity({ database: config.neo4j.database });
  const executor = new Executor(driver, {
    database: config.neo4j.database,
    timeoutMs: config.neo4j.queryTimeoutMs,
    retryMs: config.neo4j.maxRetryMs,
    app: 'zhili',
  });
  await prepareDatabase(config, executor, log);
  if (config.redisUrl) {
    started.redis = await connectRedis(config.redisUrl, log);
    log.info('Redis: response cache, persisted queries, write limits and revisions shared.');
  }
  started.app = await createApp(config, executor, { log, redis: started.redis });
  const url = await started.app.listen();
  // 127.0.0.1 and 0.0.0.0 are reached as localhost from a browser on this machine.
  const base =
    config.http.publicUrl ??
    url.replace(/\/graphql$/, '').replace(/\/\/(127\.0\.0\.1|0\.0\.0\.0)(?=:)/, '//localhost');
  log.info(
    `Zhili GraphQL API ready in ${((Date.now() - t0) / 1000).toFixed(1)} s at ${base}/graphql`,
  );
  log.info(`Health: ${base}/health/live, ${base}/health/ready`);
  log.info(
    `Explorer: ${base}/ (in a browser: the GraphQL IDE at ${base}/graphql; the widget at ${base}/embed/demo.html)`,
  );
  log.info(
    `Try: curl -s ${base}/graphql -H 'content-type: application/json' -d '${JSON.stringify({ query: EXAMPLE_QUERY })}'`,
  );
}

/**
 * Configuration and ports are checked before anything starts; a start that fails later stops
 * what it started (the local Neo4j above all) before exiting non-zero.
 */
async function main(): Promise<void> {
  loadDotEnv();
  const config = loadConfig();
  const log = createLogger({ level: config.logLevel });
  await preflight(config);
  const started: Started = {};
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) process.exit(1);
    stopping = true;
    // Readiness says 503 at once; requests are still served while a load balancer notices.
    started.app?.beginShutdown();
    log.info(
      `${signal}: shutting down${config.shutdownDrainMs > 0 ? ` in ${config.shutdownDrainMs} ms` : ''}…`,
    );
    if (started.app && config.shutdownDrainMs > 0)
      await new Promise((r) => setTimeout(r, config.shutdownDrainMs));
    await stopAll(started, log);
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  try {
    await start(config, log, started);
  } catch (error) {
    if (stopping) return;
    stopping = true;
    // An API error's message is written for clients; on-call needs the cause (which database, which
    // port).
    const cause = error instanceof GraphQLError ? error.originalError : undefined;
    log.error(
      `Start-up failed: ${error instanceof Error ? error.message : String(error)}${cause ? ` (${cause.message})` : ''}`,
    );
    await stopAll(started, log);
    process.exit(1);
  }
}

main().catch((error) => {
  if (error instanceof ConfigError || error instanceof PreflightError) console.error(error.message);
  else console.error('Start-up failed:', error instanceof Error ? error.message : error);
  process.exit(1);
});
