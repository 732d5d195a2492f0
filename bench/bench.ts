import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import pino from 'pino';
import { z } from 'zod';
import { loadConfig, PROJECT_ROOT } from '../src/core/config';
import { cypherInt } from '../src/core/db/convert';
import { createDriver } from '../src/core/db/driver';
import { Executor } from '../src/core/db/executor';
import { benchInstance } from '../src/core/db/local-instances';
import { startLocalNeo4j, stopLocalNeo4j } from '../src/core/db/local-neo4j';
import { createLogger } from '../src/core/logger';
import { prefixOf } from '../src/core/region-codes';
import { createApp } from '../src/server/app';
import { createContext } from '../src/server/context';
import { type BenchCase, benchCases, type CaseParams } from './cases';
import { ensureBenchData, type LoadResult } from './load';
import { measure, type Measured, median, type Target } from './measure';
import { startPeer } from './peer';
import { profileCases } from './profile';
import { type Scale, scaleNamed, SCALES } from './scales';
import {
  qualityReport,
  type SearchSection,
  searchSection,
  searchSectionMarkdown,
} from './search-quality';

/**
 * npm run bench: Zhili against @neo4j/graphql and one hand-written Cypher statement per question,
 * on a benchmark Neo4j of its own per scale (loaded once, reused), answers checked equal before
 * timing, concurrency 1 and 10 in interleaved rounds. Writes bench/results/<date>.json and .md.
 */
const FORMS = ['zhili', 'peer', 'raw'] as const;
type Form = (typeof FORMS)[number];

interface CaseResult {
  readonly scale: string;
  readonly name: string;
  readonly equal: boolean;
  readonly boltTrips: number;
  readonly runs: Record<string, Record<Form, Measured[]>>;
}

/** Whole numbers travel as Cypher INTEGER (LIMIT refuses floats), as the worker sends them. */
const cypherParams = (p: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(p).map(([k, v]) => [
      k,
      typeof v === 'number' && Number.isInteger(v) ? cypherInt(v) : v,
    ]),
  );

const stable = (v: unknown): string =>
  JSON.stringify(v, (_k, x) =>
    x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : 1)))
      : x,
  );

async function post(url: string, query: string, variables: Record<string, unknown>): Promise<any> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: unknown; errors?: Array<{ message: string }> };
  if (body.errors) throw new Error(body.errors.map((e) => e.message).join('; '));
  return body.data;
}

/**
 * The busiest county, its city and first practice, the model with the longest upstream chain, and
 * models of median use: asked about at every scale.
 */
async function chooseParams(executor: Executor): Promise<CaseParams> {
  const [county] = await executor.read({
    cypher:
      'MATCH (:Practice)-[:IN]->(r:Region) WITH substring(r.code, 0, 6) AS c, count(*) AS n ' +
      'ORDER BY n DESC, c LIMIT 1 RETURN c',
    row: z.object({ c: z.string() }),
  });
  const [deep] = await executor.read({
    cypher:
      'MATCH p = (m:GovernanceModel)-[:DERIVED_FROM*1..10]->(:GovernanceModel) WITH m, ' +
      'max(length(p)) AS d ORDER BY d DESC, m.slug LIMIT 1 RETURN m.slug AS slug',
    row: z.object({ slug: z.string() }),
  });
  const [pilot] = await executor.read({
    cypher:
      'MATCH (p:Practice)-[:IN]->(r:Region) WHERE r.code STARTS WITH $county RETURN p.id AS key ' +
      'ORDER BY key LIMIT 1',
    params: { county: county!.c },
    row: z.object({ key: z.string() }),
  });
  const [byUse] = await executor.read({
    cypher:
      'MATCH (m:GovernanceModel) WITH m, COUNT { (m)<-[:IMPLEMENTS]-(:Practice) } AS n ' +
      'WHERE n > 0 WITH m ORDER BY n DESC, m.slug RETURN collect(m.slug) AS slugs',
    row: z.object({ slugs: z.array(z.string()) }),
  });
  const mid = Math.floor(byUse!.slugs.length / 2);
  return {
    county: county!.c,
    city: prefixOf(county!.c, 'PREFECTURE'),
    deepModel: deep!.slug,
    pilot: pilot!.key,
    medianModel: byUse!.slugs[mid]!,
    compared: byUse!.slugs.slice(mid - 1, mid + 2),
  };
}

/** The judged search set's section runs when no case is picked, or when the pick names it. */
const SEARCH_SECTION = 'search quality';
const picked = (name: string, only?: string) =>
  !only || only.split('|').some((o) => name.includes(o));

async function runScale(
  scale: Scale,
  opts: {
    seconds: number;
    rounds: number;
    connections: number[];
    warmup: number;
    only?: string;
    profile?: boolean;
  },
): Promise<{
  load: LoadResult;
  results: CaseResult[];
  params: CaseParams;
  search: SearchSection | null;
}> {
  const instance = benchInstance(scale.name);
  const started = await startLocalNeo4j(instance, (l) => console.log(l));
  const config = loadConfig({
    NEO4J_URI: started.uri,
    NEO4J_PASSWORD: instance.password,
    RESPONSE_CACHE_SECONDS: '0',
    NEO4J_QUERY_TIMEOUT_MS: '60000',
  });
  const driver = createDriver(config.neo4j, started.uri);
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
  try {
    const load = await ensureBenchData(loader, scale, (l) => console.log(l));
    const params = await chooseParams(executor);
    console.log(
      `\n${scale.name}: ${JSON.stringify(load.counts)}; asking about county ${params.county}, city ${params.city}, model ${params.deepModel}`,
    );
    // Request logs are written as in production, to /dev/null: their cost is measured, not shown.
    const log = createLogger({
      level: 'info',
      destination: pino.destination({ dest: '/dev/null', sync: false }),
    });
    const app = await createApp(config, executor, { log });
    const zhiliUrl = await app.listen(0, '127.0.0.1');
    const peer = await startPeer(driver, 4300 + Math.floor(Math.random() * 500));
    const results: CaseResult[] = [];
    const cases = benchCases(params).filter((x) => picked(x.name, opts.only));
    if (opts.profile)
      console.log(
        `\nPROFILE of Zhili's statements (${scale.name}):\n${await profileCases(cases, app, driver)}`,
      );
    else
      for (const c of cases)
        results.push(
          await runCase(
            c,
            scale,
            {
              zhiliUrl,
              peerUrl: peer.url,
              uri: started.uri,
              password: instance.password,
              executor,
              app,
            },
            opts,
          ),
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
  } finally {
    await driver.close();
    await stopLocalNeo4j(instance);
  }
}

interface Env {
  zhiliUrl: string;
  peerUrl: string;
  uri: string;
  password: string;
  executor: Executor;
  app: Awaited<ReturnType<typeof createApp>>;
}

async function runCase(
  c: BenchCase,
  scale: Scale,
  env: Env,
  opts: { seconds: number; rounds: number; connections: number[]; warmup: number },
): Promise<CaseResult> {
  const answers = {
    zhili: c.zhili.normalize(await post(env.zhiliUrl, c.zhili.query, c.zhili.variables)),
    peer: c.peer.normalize(await post(env.peerUrl, c.peer.query, c.peer.variables)),
    raw: c.raw.normalize(
      (
        await env.executor.read({
          cypher: c.raw.cypher,
          params: cypherParams(c.raw.params),
          row: z.object({ answer: z.unknown() }),
        })
      )[0]?.answer,
    ),
  };
  const equal =
    stable(answers.zhili) === stable(answers.peer) && stable(answers.zhili) === stable(answers.raw);
  if (!equal) {
    console.log(`  ${c.name}: ANSWERS DIFFER`);
    for (const f of FORMS) console.log(`    ${f}: ${stable(answers[f]).slice(0, 600)}`);
  }
  const ctx = createContext(env.executor, 'bench-trips', env.app.log);
  await env.app.apollo.executeOperation(
    { query: c.zhili.query, variables: c.zhili.variables },
    { contextValue: ctx },
  );
  const targets: Record<Form, Target> = {
    zhili: {
      kind: 'http',
      target: { url: env.zhiliUrl, body: { query: c.zhili.query, variables: c.zhili.variables } },
    },
    peer: {
      kind: 'http',
      target: { url: env.peerUrl, body: { query: c.peer.query, variables: c.peer.variables } },
    },
    raw: {
      kind: 'bolt',
      target: { uri: env.uri, password: env.password, cypher: c.raw.cypher, params: c.raw.params },
    },
  };
  // Warm-up, discarded: the JIT of Neo4j and of Node, and the page cache, before anything counts.
  // Forms that take seconds per request (the peer's and raw scoring) are timed once at
  // concurrency 1.
  const slow = new Set<Form>(c.slow ?? []);
  for (const f of FORMS)
    if (!slow.has(f)) await measure(targets[f], opts.warmup, Math.max(...opts.connections));
  const runs: CaseResult['runs'] = {};
  for (const n of opts.connections) {
    runs[n] = { zhili: [], peer: [], raw: [] };
    for (let round = 0; round < opts.rounds; round += 1) {
      // Interleaved, and the order turns each round, so drift hits every form alike.
      const order = round % 2 ? [...FORMS].reverse() : FORMS;
      for (const f of order)
        if (!slow.has(f) || (n === 1 && round === 0))
          runs[n]![f].push(await measure(targets[f], opts.seconds, n));
    }
    const line = FORMS.map(
      (f) =>
        `${f} ${median(runs[n]![f].map((m) => m.rps))?.toFixed(0)} req/s p50 ${median(runs[n]![f].map((m) => m.p50))?.toFixed(1)} ms`,
    ).join(' | ');
    console.log(`  ${scale.name} · ${c.name} · c=${n}: ${line}`);
  }
  return { scale: scale.name, name: c.name, equal, boltTrips: ctx.executor.roundTrips, runs };
}

function table(results: readonly CaseResult[]): string {
  const rows = [
    '| scale | operation | c | Zhili req/s | peer req/s | raw req/s | Zhili ÷ peer | Zhili ÷ ' +
      'raw | p50 Zhili / peer / raw (ms) | p95 Zhili / peer / raw (ms) | p99 Zhili (ms) | Bolt ' +
      'trips | equal |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const r of results) {
    for (const [n, forms] of Object.entries(r.runs)) {
      const m = (f: Form, k: keyof Measured) => median(forms[f].map((x) => x[k] as number | null));
      const rps = (f: Form) => m(f, 'rps');
      const fmt = (x: number | null, d = 1) => (x === null ? '—' : x.toFixed(d));
      const ratio = (a: number | null, b: number | null) =>
        a === null || b === null ? '—' : (a / b).toFixed(2);
      rows.push(
        `| ${r.scale} | ${r.name} | ${n} | ${fmt(rps('zhili'), 0)} | ${fmt(rps('peer'), rps('peer')! < 10 ? 2 : 0)} | ${fmt(rps('raw'), rps('raw')! < 10 ? 2 : 0)} | ${ratio(rps('zhili'), rps('peer'))} | ${ratio(rps('zhili'), rps('raw'))} | ` +
          `${fmt(m('zhili', 'p50'))} / ${fmt(m('peer', 'p50'))} / ${fmt(m('raw', 'p50'))} | ${fmt(m('zhili', 'p95'))} / ${fmt(m('peer', 'p95'))} / ${fmt(m('raw', 'p95'))} | ${fmt(m('zhili', 'p99'))} | ${r.boltTrips} | ${r.equal ? 'yes' : 'NO'} |`,
      );
    }
  }
  return rows.join('\n');
}

async function main(): Promise<void> {
  const program = new Command('bench')
    .description('Zhili against @neo4j/graphql and raw Cypher on generated national-scale data')
    .option(
      '--scale <names>',
      `comma-separated: ${SCALES.map((s) => s.name).join(', ')}`,
      'yunnan,quarter,china',
    )
    .option('--seconds <n>', 'seconds per measurement', '5')
    .option('--rounds <n>', 'interleaved rounds per form', '2')
    .option('--connections <list>', 'concurrency levels', '1,10')
    .option('--warmup <n>', 'seconds of discarded load per form before each case', '3')
    .option('--only <text>', 'only the cases whose name contains this (several: a|b)')
    .option('--profile', "print the PROFILE of Zhili's statements for each case instead of timing")
    .parse();
  const o = program.opts<{
    scale: string;
    seconds: string;
    rounds: string;
    connections: string;
    warmup: string;
    only?: string;
    profile?: boolean;
  }>();
  const opts = {
    seconds: Number(o.seconds),
    rounds: Number(o.rounds),
    connections: o.connections.split(',').map(Number),
    warmup: Number(o.warmup),
    only: o.only,
    profile: o.profile,
  };
  const all: CaseResult[] = [];
  const searches: SearchSection[] = [];
  const loads: Record<string, LoadResult & { params: CaseParams }> = {};
  for (const name of o.scale.split(',')) {
    const { load, results, params, search } = await runScale(scaleNamed(name), opts);
    loads[name] = { ...load, params };
    all.push(...results);
    if (search) searches.push(search);
  }
  if (opts.profile) return;
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

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
