import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import type { Driver } from 'neo4j-driver';
import pino from 'pino';
import { type Config, loadConfig, PROJECT_ROOT } from '../src/core/config';
import { createDriver } from '../src/core/db/driver';
import { Executor } from '../src/core/db/executor';
import { benchInstance } from '../src/core/db/local-instances';
import { startLocalNeo4j, stopLocalNeo4j } from '../src/core/db/local-neo4j';
import { createLogger } from '../src/core/logger';
import { createApp } from '../src/server/app';
import type { BenchCase, CaseParams } from './bench-case';
import { benchCases } from './cases';
import { startFloor } from './floor';
import { type CaseResult, type Env, runCase, type TimingOptions } from './forms';
import { ensureBenchData, type LoadResult } from './load';
import { chooseParams } from './params';
import { startPeer } from './peer';
import { profileCases } from './profile';
import { type Scale, scaleNamed, SCALES } from './scales';
import {
  qualityReport,
  type SearchSection,
  searchSection,
  searchSectionMarkdown,
} from './search-quality';
import { formsLine, table } from './table';

/**
 * npm run bench: Zhili against @neo4j/graphql, one hand-written Cypher statement per question
 * over Bolt, and the same statement behind a bare HTTP server (the floor), on a benchmark Neo4j
 * of its own per scale (loaded once, reused), answers checked equal before timing, concurrency 1
 * and 10 in interleaved rounds. Writes bench/results/<date>.json and .md.
 */

interface Options extends TimingOptions {
  readonly only?: string;
  readonly profile?: boolean;
}

/** The judged search set's section runs when no case is picked, or when the pick names it. */
const SEARCH_SECTION = 'search quality';
const picked = (name: string, only?: string) =>
  !only || only.split('|').some((o) => name.includes(o));

/** Every picked case timed in its four forms; the floor serves their raw statements meanwhile. */
async function timeCases(
  cases: readonly BenchCase[],
  scale: Scale,
  env: Omit<Env, 'floor'>,
  driver: Driver,
  opts: Options,
): Promise<CaseResult[]> {
  const floor = await startFloor(
    driver,
    cases.map((c) => c.raw.cypher),
  );
  const results: CaseResult[] = [];
  try {
    for (const [i, c] of cases.entries())
      results.push(
        await runCase(c, i, scale.name, { ...env, floor }, opts, (n, forms) =>
          console.log(`  ${scale.name} · ${c.name} · c=${n}: ${formsLine(forms)}`),
        ),
      );
  } finally {
    await floor.stop();
  }
  return results;
}

function printParams(scale: Scale, load: LoadResult, params: CaseParams): void {
  console.log(
    `\n${scale.name}: ${JSON.stringify(load.counts)}; asking with ${JSON.stringify(params)}`,
  );
  if (params.compared.length < 2)
    console.log(
      `  compareModels is not asked: ${params.compared.length} used model(s), it takes two to ten`,
    );
  else if (params.compared.length < 3)
    console.log(`  compareModels compares ${params.compared.length}: fewer than 3 used models`);
}

interface Neo4jAt {
  readonly config: Config;
  readonly driver: Driver;
  readonly uri: string;
  readonly password: string;
}

/** Zhili and the peer over one scale's Neo4j: its cases timed, or profiled, and its search set. */
async function runOn(scale: Scale, neo4j: Neo4jAt, opts: Options) {
  const { config, driver, uri, password } = neo4j;
  const loader = new Executor(driver, {
    database: 'neo4j',
    timeoutMs: 1_800_000,
    app: 'zhili-bench-load',
  });
  const executor = new Executor(driver, {
    database: 'neo4j',
    timeoutMs: 60_000,
    app: 'zhili-bench',
  });
  const load = await ensureBenchData(loader, scale, (l) => console.log(l));
  const params = await chooseParams(executor);
  printParams(scale, load, params);
  // Request logs are written as in production, to /dev/null: their cost is measured, not shown.
  const log = createLogger({
    level: 'info',
    destination: pino.destination({ dest: '/dev/null', sync: false }),
  });
  const app = await createApp(config, executor, { log });
  const zhiliUrl = await app.listen(0, '127.0.0.1');
  const peer = await startPeer(driver, 4300 + Math.floor(Math.random() * 500));
  const cases = benchCases(params).filter((x) => picked(x.name, opts.only));
  const env = { zhiliUrl, peerUrl: peer.url, uri, password, executor, app };
  const results = opts.profile ? [] : await timeCases(cases, scale, env, driver, opts);
  if (opts.profile)
    console.log(
      `\nPROFILE of Zhili's statements (${scale.name}):\n${await profileCases(cases, app, driver)}`,
    );
  const search =
    !opts.profile && picked(SEARCH_SECTION, opts.only)
      ? await searchSection(scale.name, zhiliUrl, executor)
      : null;
  if (search)
    console.log(
      `\n${qualityReport(scale.name, search.quality)}\n${searchSectionMarkdown([search])}`,
    );
  await app.stop();
  await peer.stop();
  return { load, results, params, search };
}

async function runScale(scale: Scale, opts: Options): ReturnType<typeof runOn> {
  const instance = benchInstance(scale.name);
  const { uri } = await startLocalNeo4j(instance, (l) => console.log(l));
  const config = loadConfig({
    NEO4J_URI: uri,
    NEO4J_PASSWORD: instance.password,
    RESPONSE_CACHE_SECONDS: '0',
    NEO4J_QUERY_TIMEOUT_MS: '60000',
  });
  const driver = createDriver(config.neo4j, uri);
  try {
    return await runOn(scale, { config, driver, uri, password: instance.password }, opts);
  } finally {
    await driver.close();
    await stopLocalNeo4j(instance);
  }
}

function parseOptions(): Options & { scales: string[] } {
  const program = new Command('bench')
    .description('Zhili against @neo4j/graphql and raw Cypher on generated national-scale data')
    .option(
      '--scale <names>',
      `comma-separated: ${SCALES.map((s) => s.name).join(', ')}`,
      SCALES.map((s) => s.name).join(','),
    )
    .option('--seconds <n>', 'seconds per measurement', '5')
    .option('--rounds <n>', 'interleaved rounds per form', '2')
    .option('--connections <list>', 'concurrency levels', '1,10')
    .option('--warmup <n>', 'seconds of discarded load per form before each case', '3')
    .option('--only <text>', 'only the cases whose name contains this (several: a|b)')
    .option('--profile', "print the PROFILE of Zhili's statements for each case instead of timing")
    .parse();
  const o =
    program.opts<Record<'scale' | 'seconds' | 'rounds' | 'connections' | 'warmup', string>>();
  const { only, profile } = program.opts<{ only?: string; profile?: boolean }>();
  return {
    scales: o.scale.split(','),
    seconds: Number(o.seconds),
    rounds: Number(o.rounds),
    connections: o.connections.split(',').map(Number),
    warmup: Number(o.warmup),
    only,
    profile,
  };
}

function writeResults(
  opts: Options,
  loads: Record<string, LoadResult & { params: CaseParams }>,
  all: readonly CaseResult[],
  searches: readonly SearchSection[],
): void {
  const md = [all.length ? table(all) : '', searches.length ? searchSectionMarkdown(searches) : '']
    .filter(Boolean)
    .join('\n\n');
  console.log(`\n${md}`);
  const machine = {
    cpus: os.cpus().length,
    cpu: os.cpus()[0]?.model,
    memGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
  };
  const dir = path.join(PROJECT_ROOT, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:]/g, '-').slice(0, 19);
  writeFileSync(
    path.join(dir, `${stamp}.json`),
    JSON.stringify(
      {
        date: new Date().toISOString(),
        machine,
        options: opts,
        loads,
        results: all,
        search: searches,
      },
      null,
      1,
    ),
  );
  writeFileSync(path.join(dir, `${stamp}.md`), `${md}\n`);
  console.log(`\nWrote bench/results/${stamp}.json and .md`);
}

async function main(): Promise<void> {
  const { scales, ...opts } = parseOptions();
  const all: CaseResult[] = [];
  const searches: SearchSection[] = [];
  const loads: Record<string, LoadResult & { params: CaseParams }> = {};
  for (const name of scales) {
    const { load, results, params, search } = await runScale(scaleNamed(name), opts);
    loads[name] = { ...load, params };
    all.push(...results);
    if (search) searches.push(search);
  }
  if (!opts.profile) writeResults(opts, loads, all, searches);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
