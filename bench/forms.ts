import { z } from 'zod';
import type { Executor } from '../src/core/db/executor';
import type { App } from '../src/server/app';
import { createContext } from '../src/server/context';
import type { BenchCase, Normalized } from './bench-case';
import { cypherParams, type Floor } from './floor';
import { measure, type Measured, type Target } from './measure';

/**
 * The four forms of each question: Zhili and the peer over HTTP, the raw statement over Bolt, and
 * the same statement behind a bare HTTP server (the floor).
 */
export const FORMS = ['zhili', 'peer', 'raw', 'floor'] as const;
export type Form = (typeof FORMS)[number];

export interface CaseResult {
  readonly scale: string;
  readonly name: string;
  readonly equal: boolean;
  readonly boltTrips: number;
  readonly runs: Record<string, Record<Form, Measured[]>>;
}

export interface Env {
  readonly zhiliUrl: string;
  readonly peerUrl: string;
  readonly floor: Floor;
  readonly uri: string;
  readonly password: string;
  readonly executor: Executor;
  readonly app: App;
}

export interface TimingOptions {
  readonly seconds: number;
  readonly rounds: number;
  readonly connections: readonly number[];
  readonly warmup: number;
}

const stable = (v: unknown): string =>
  JSON.stringify(v, (_k, x) =>
    x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : 1)))
      : x,
  );

/** POSTs JSON and answers its `data`, as the worker checks it: status 200 and no errors. */
async function postData(url: string, body: unknown): Promise<any> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as { data?: unknown; errors?: Array<{ message: string }> };
  if (json.errors) throw new Error(json.errors.map((e) => e.message).join('; '));
  if (res.status !== 200) throw new Error(`HTTP ${res.status} from ${url}`);
  return json.data;
}

/** What each form's target sends: the same bodies the answers were checked with. */
function targetsOf(c: BenchCase, env: Env, floorUrl: string): Record<Form, Target> {
  const http = (url: string, body: unknown): Target => ({ kind: 'http', target: { url, body } });
  return {
    zhili: http(env.zhiliUrl, { query: c.zhili.query, variables: c.zhili.variables }),
    peer: http(env.peerUrl, { query: c.peer.query, variables: c.peer.variables }),
    raw: {
      kind: 'bolt',
      target: { uri: env.uri, password: env.password, cypher: c.raw.cypher, params: c.raw.params },
    },
    floor: http(floorUrl, { params: c.raw.params }),
  };
}

async function answersOf(c: BenchCase, env: Env, floorUrl: string) {
  const answers: Record<Form, Normalized> = {
    zhili: c.zhili.normalize(
      await postData(env.zhiliUrl, { query: c.zhili.query, variables: c.zhili.variables }),
    ),
    peer: c.peer.normalize(
      await postData(env.peerUrl, { query: c.peer.query, variables: c.peer.variables }),
    ),
    raw: c.raw.normalize(
      (
        await env.executor.read({
          cypher: c.raw.cypher,
          params: cypherParams(c.raw.params),
          row: z.object({ answer: z.unknown() }),
        })
      )[0]?.answer,
    ),
    floor: c.raw.normalize(await postData(floorUrl, { params: c.raw.params })),
  };
  const equal = FORMS.every((f) => stable(answers[f]) === stable(answers.zhili));
  if (!equal) {
    console.log(`  ${c.name}: ANSWERS DIFFER`);
    for (const f of FORMS) console.log(`    ${f}: ${stable(answers[f]).slice(0, 600)}`);
  }
  return equal;
}

/**
 * Warm-up, discarded (the JIT of Neo4j and of Node, and the page cache), then interleaved rounds
 * at each concurrency. Slow forms are timed once, at concurrency 1.
 */
async function timed(
  targets: Record<Form, Target>,
  slow: ReadonlySet<Form>,
  opts: TimingOptions,
  report: (n: number, forms: Record<Form, Measured[]>) => void,
): Promise<CaseResult['runs']> {
  for (const f of FORMS)
    if (!slow.has(f)) await measure(targets[f], opts.warmup, Math.max(...opts.connections));
  const runs: CaseResult['runs'] = {};
  for (const n of opts.connections) {
    const forms: Record<Form, Measured[]> = { zhili: [], peer: [], raw: [], floor: [] };
    for (let round = 0; round < opts.rounds; round += 1) {
      // Interleaved, and the order turns each round, so drift hits every form alike.
      const order = round % 2 ? [...FORMS].reverse() : FORMS;
      for (const f of order)
        if (!slow.has(f) || (n === 1 && round === 0))
          forms[f].push(await measure(targets[f], opts.seconds, n));
    }
    runs[n] = forms;
    report(n, forms);
  }
  return runs;
}

/** One question: its four answers checked equal, Zhili's Bolt trips counted, then timed. */
export async function runCase(
  c: BenchCase,
  index: number,
  scale: string,
  env: Env,
  opts: TimingOptions,
  report: (n: number, forms: Record<Form, Measured[]>) => void,
): Promise<CaseResult> {
  const floorUrl = env.floor.url(index);
  const equal = await answersOf(c, env, floorUrl);
  const ctx = createContext(env.executor, 'bench-trips', env.app.log);
  await env.app.apollo.executeOperation(
    { query: c.zhili.query, variables: c.zhili.variables },
    { contextValue: ctx },
  );
  // Forms that take seconds per request (the peer's and raw scoring; the floor runs the raw).
  const slow = new Set<Form>(c.slow ?? []);
  if (slow.has('raw')) slow.add('floor');
  const runs = await timed(targetsOf(c, env, floorUrl), slow, opts, report);
  return { scale, name: c.name, equal, boltTrips: ctx.executor.roundTrips, runs };
}
