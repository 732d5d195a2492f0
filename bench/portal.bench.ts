import 'reflect-metadata';
import autocannon from 'autocannon';
import pino from 'pino';
import { loadConfig, loadDotEnv } from '../src/core/config';
import { createDriver } from '../src/core/db/driver';
import { Executor } from '../src/core/db/executor';
import { devInstance } from '../src/core/db/local-instances';
import { startLocalNeo4j } from '../src/core/db/local-neo4j';
import { createLogger } from '../src/core/logger';
import { createApp } from '../src/server/app';
import { createContext } from '../src/server/context';

/**
 * npm run bench: portal-style lookups against the running service on loopback, each for a fixed
 * time with a fixed number of connections. Prints throughput, latency percentiles, Bolt round
 * trips per request, and each figure as a ratio to the simplest lookup. Bounded: it stops itself.
 */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);

const CASES: Array<[name: string, query: string]> = [
  ['no database ({ __typename })', '{ __typename }'],
  ['region by code', '{ region(code: "530103") { code name nameEn level } }'],
  [
    'practices of a county and below',
    '{ region(code: "530103") { practices(includeSubregions: true, first: 20) { totalCount ' +
      'edges { node { name nameEn status region { name nameEn } models { name nameEn } } } } } }',
  ],
  ['search zh', '{ search(text: "村规民约", first: 10) { type id name snippet } }'],
  ['search en', '{ search(text: "village compact", first: 10) { type id name nameEn } }'],
  [
    'figures with quotes',
    '{ observations(filter: { regionCode: "5301", includeSubregions: true }, first: 50) { ' +
      'totalCount edges { node { value unit reported indicator { nameEn } citations { quote ' +
      'offset } } } } }',
  ],
  [
    'lineage',
    '{ lineage(slug: "online-fengqiao-experience", direction: BOTH, maxDepth: 5) { nodes { slug ' +
      '} edges { relation } mermaid } }',
  ],
];

interface Result {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  trips: number;
  errors: number;
}

/**
 * One case under load; autocannon runs in a worker thread so it does not share the server's event
 * loop.
 */
async function measure(url: string, name: string, query: string, trips: number): Promise<Result> {
  const run = await autocannon({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
    connections: CONNECTIONS,
    duration: SECONDS,
    workers: 1,
  });
  return {
    name,
    rps: run.requests.average,
    p50: run.latency.p50,
    p99: run.latency.p99,
    trips,
    errors: run.errors + run.non2xx,
  };
}

async function main(): Promise<void> {
  loadDotEnv();
  const base = loadConfig();
  const uri = base.neo4j.uri ?? (await startLocalNeo4j(devInstance(base))).uri;
  const driver = createDriver(base.neo4j, uri);
  const executor = new Executor(driver, {
    database: base.neo4j.database,
    timeoutMs: base.neo4j.queryTimeoutMs,
    app: 'zhili-bench',
  });
  // Request logs are written as in production, to /dev/null: their cost is measured, not shown.
  const log = createLogger({
    level: 'info',
    destination: pino.destination({ dest: '/dev/null', sync: false }),
  });
  const uncached = await createApp({ ...base, http: { ...base.http, cacheSeconds: 0 } }, executor, {
    log,
  });
  const cached = await createApp({ ...base, http: { ...base.http, cacheSeconds: 300 } }, executor, {
    log,
  });
  const [plainUrl, cachedUrl] = [
    await uncached.listen(0, '127.0.0.1'),
    await cached.listen(0, '127.0.0.1'),
  ];
  console.log(
    `Benchmark: ${SECONDS} s per case and mode, ${CONNECTIONS} connections, load from a worker thread, Neo4j ${uri}\n`,
  );
  const rows: Array<[Result, Result]> = [];
  for (const [name, query] of CASES) {
    const ctx = createContext(executor, 'bench-trips', uncached.log);
    const probe = await uncached.apollo.executeOperation({ query }, { contextValue: ctx });
    if (probe.body.kind === 'single' && probe.body.singleResult.errors)
      throw new Error(`${name}: ${probe.body.singleResult.errors[0]?.message}`);
    rows.push([
      await measure(plainUrl, name, query, ctx.executor.roundTrips),
      await measure(cachedUrl, name, query, 0),
    ]);
  }
  const floor = rows[0]![0].rps;
  console.log(
    'case                              Bolt trips   req/s  ×no-db  p50 ms  p99 ms | cached ' +
      'req/s  p50 ms  ×uncached  errors',
  );
  for (const [u, c] of rows) {
    console.log(
      [
        u.name.padEnd(33),
        String(u.trips).padStart(10),
        u.rps.toFixed(0).padStart(7),
        (u.rps / floor).toFixed(2).padStart(7),
        String(u.p50).padStart(7),
        String(u.p99).padStart(7),
        '|',
        c.rps.toFixed(0).padStart(12),
        String(c.p50).padStart(7),
        (c.rps / u.rps).toFixed(2).padStart(10),
        String(u.errors + c.errors).padStart(7),
      ].join(' '),
    );
  }
  await Promise.all([uncached.stop(), cached.stop()]);
  await driver.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
