import { createApiKey } from '../src/auth/apikey.service';
import { testInstance } from '../src/core/db/local-instances';
import { localStatus, startLocalNeo4j, stopLocalNeo4j } from '../src/core/db/local-neo4j';
import { applySchema } from '../src/core/db/schema-statements';
import { SCHEMA } from '../src/modules';
import { startTestServer, type TestServer } from './support/harness';
import { latencies } from './support/load-client';

/** Reads of different shapes; each needs Neo4j. */
const READS = [
  '{ about { name } }',
  '{ region(code: "530103") { name nameEn } }',
  '{ search(text: "枫桥", first: 3) { id name } }',
  '{ compareModels(slugs: ["fengqiao-experience", "online-fengqiao-experience"]) { sharedPrinciples { name } } }',
];

interface Timed {
  readonly ms: number;
  readonly status: number;
  readonly retryAfter: string | null;
  readonly codes: string[];
}

async function timedRead(url: string, query: string): Promise<Timed> {
  const started = performance.now();
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  const body = (await res.json()) as { errors?: Array<{ extensions?: { code?: string } }> };
  const ms = Math.round((performance.now() - started) * 10) / 10;
  return {
    ms,
    status: res.status,
    retryAfter: res.headers.get('retry-after'),
    codes: (body.errors ?? []).map((e) => String(e.extensions?.code)),
  };
}

const summary = (runs: readonly Timed[]) => {
  const l = latencies(runs.map((r) => r.ms));
  return `p50 ${l.p50} ms, p90 ${l.p90} ms, p99 ${l.p99} ms, max ${l.max} ms`;
};

/**
 * Neo4j killed under a running API: every read fails fast (503 DATABASE_UNAVAILABLE with
 * Retry-After, well under 100 ms) instead of waiting out the driver's retries, and the API
 * answers again by itself once Neo4j is back. It kills its database, so it runs on its own.
 */
describe('an outage of Neo4j', () => {
  const instance = {
    ...testInstance('test-outage', Number(process.env.TEST_OUTAGE_NEO4J_PORT ?? 7691)),
    heap: '512m',
  };
  let server: TestServer;

  beforeAll(async () => {
    await startLocalNeo4j(instance);
    server = await startTestServer(instance);
  }, 180_000);

  afterAll(async () => {
    await server?.close();
    await stopLocalNeo4j(instance);
  }, 90_000);

  it('fails every read in well under 100 ms with 503 while Neo4j is down, and recovers without a restart', async () => {
    const healthy = [];
    for (let i = 0; i < 20; i += 1) healthy.push(await timedRead(server.url, READS[0]!));
    expect(healthy.every((r) => r.status === 200 && r.codes.length === 0)).toBe(true);

    const { pid } = await localStatus(instance);
    process.kill(pid!, 'SIGKILL');
    while ((await localStatus(instance)).pid !== undefined)
      await new Promise((r) => setTimeout(r, 20));
    const killedAt = performance.now();
    // The first read may still meet the driver (the breaker learns of the outage from it or from
    // its probe).
    const first = await timedRead(server.url, READS[0]!);
    const breakerAfterFirst = server.app.resilience.breaker.isOpen ? 'open' : 'closed';

    const sequential: Timed[] = [];
    for (let i = 0; i < 50; i += 1)
      sequential.push(await timedRead(server.url, READS[i % READS.length]!));
    // 16 at once, the service's admission limit: the client runs in this process too, so a larger
    // burst times this process's own event loop queueing the requests, not the service failing each
    // one.
    const concurrent = await Promise.all(
      Array.from({ length: 16 }, (_, i) => timedRead(server.url, READS[i % READS.length]!)),
    );
    const readyStarted = performance.now();
    const ready = await fetch(server.url.replace('/graphql', '/health/ready'));
    const readyMs = Math.round(performance.now() - readyStarted);

    const restartAt = performance.now();
    await startLocalNeo4j(instance);
    const boltUpAt = performance.now();
    let again = await timedRead(server.url, READS[0]!);
    while (again.status !== 200 && performance.now() - boltUpAt < 20_000) {
      await new Promise((r) => setTimeout(r, 25));
      again = await timedRead(server.url, READS[0]!);
    }
    const recoveredAt = performance.now();

    console.log(
      [
        `Neo4j up: 20 reads, ${summary(healthy)}`,
        `Neo4j killed: first read ${first.ms} ms (${first.status} ${first.codes.join(',')}), breaker then ${breakerAfterFirst}`,
        `  50 reads one after another: ${summary(sequential)}; statuses ${JSON.stringify(count(sequential.map((r) => r.status)))}; codes ${JSON.stringify(count(sequential.flatMap((r) => r.codes)))}`,
        `  per request (ms): ${sequential.map((r) => r.ms).join(' ')}`,
        `  16 reads at once: ${summary(concurrent)}; statuses ${JSON.stringify(count(concurrent.map((r) => r.status)))}`,
        `  /health/ready: ${ready.status} in ${readyMs} ms`,
        `Neo4j restarted in ${((boltUpAt - restartAt) / 1000).toFixed(1)} s; the API answered again ${Math.round(recoveredAt - boltUpAt)} ms after Bolt was up, ` +
          `${((recoveredAt - killedAt) / 1000).toFixed(1)} s after the kill, without a restart`,
      ].join('\n'),
    );

    for (const r of [...sequential, ...concurrent]) {
      expect(r).toMatchObject({ status: 503, retryAfter: expect.stringMatching(/^\d+$/) });
      expect(r.codes).toContain('DATABASE_UNAVAILABLE');
      expect(r.codes.every((c) => c === 'DATABASE_UNAVAILABLE')).toBe(true);
      expect(r.ms).toBeLessThan(100);
    }
    expect(first.status).toBe(503);
    expect(ready.status).toBe(503);
    expect(again.status).toBe(200);
    expect(recoveredAt - boltUpAt).toBeLessThan(5_000);
    expect(server.app.resilience.breaker.isOpen).toBe(false);
  }, 120_000);
});

/** One proposal of a principle (a write with no references to other facts), with its client id. */
async function propose(
  url: string,
  token: string,
  n: number,
): Promise<{ n: number; id: string | null; status: number; code: string | null }> {
  const fact = {
    slug: `outage-test-${n}`,
    name: `停机测试${n}`,
    nameEn: `Outage test ${n}`,
    kind: 'MEASURE',
  };
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        query:
          'mutation($f: JSONObject!, $m: String) { proposeFact(input: { type: PRINCIPLE, fact: $f, clientMutationId: $m }) { id } }',
        variables: { f: fact, m: `outage-${n}` },
      }),
    });
    const body = (await res.json()) as {
      data?: { proposeFact?: { id: string } };
      errors?: Array<{ extensions?: { code?: string } }>;
    };
    return {
      n,
      id: body.data?.proposeFact?.id ?? null,
      status: res.status,
      code: body.errors?.[0]?.extensions?.code ?? null,
    };
  } catch {
    return { n, id: null, status: 0, code: 'NETWORK' };
  }
}

describe('writes across an outage of Neo4j', () => {
  const instance = {
    ...testInstance('test-outage', Number(process.env.TEST_OUTAGE_NEO4J_PORT ?? 7691)),
    heap: '512m',
  };
  let server: TestServer;

  beforeAll(async () => {
    await startLocalNeo4j(instance);
    server = await startTestServer(instance, {
      WRITE_LIMIT_PER_KEY: '10000',
      WRITE_LIMIT_PER_ADDRESS: '10000',
    });
    await applySchema(server.executor, [...SCHEMA.constraints]);
  }, 180_000);

  afterAll(async () => {
    await server?.executor
      .write({
        cypher:
          "MATCH (c:Change) WHERE c.factKey STARTS WITH 'outage-test-' OPTIONAL MATCH (e:ChangeEvent)-[:ON]->(c) DETACH DELETE e, c",
      })
      .catch(() => undefined);
    await server?.close();
    await stopLocalNeo4j(instance);
  }, 90_000);

  it('keeps every acknowledged write when Neo4j is killed in the middle of a stream, and retries by client id add no duplicate', async () => {
    const { token } = await createApiKey(server.executor, {
      name: 'outage-writer',
      role: 'EDITOR',
    });
    const results: Array<Awaited<ReturnType<typeof propose>>> = [];
    // Four writers at once; Neo4j is killed once 40 answers are in, with others' writes in flight.
    let next = 0;
    const writer = async () => {
      while (next < 120) results.push(await propose(server.url, token, next++));
    };
    const killer = (async () => {
      while (results.length < 40) await new Promise((r) => setTimeout(r, 5));
      const { pid } = await localStatus(instance);
      process.kill(pid!, 'SIGKILL');
    })();
    await Promise.all([writer(), writer(), writer(), writer(), killer]);
    while ((await localStatus(instance)).pid !== undefined)
      await new Promise((r) => setTimeout(r, 20));
    await startLocalNeo4j(instance);
    // The breaker closes on its next probe; a writer that sees 503 waits Retry-After in practice.
    while ((await propose(server.url, token, -1)).status !== 200)
      await new Promise((r) => setTimeout(r, 100));
    const acknowledged = results.filter((r) => r.id !== null);
    const failed = results.filter((r) => r.id === null);
    const retried = [];
    for (const r of failed) retried.push(await propose(server.url, token, r.n));
    const found = await server.executor.read({
      cypher:
        "MATCH (c:Change) WHERE c.factKey STARTS WITH 'outage-test-' AND c.factKey <> 'outage-test--1' RETURN c.id AS id, c.factKey AS key",
    });
    const foundIds = new Set(found.map((r) => String(r.id)));
    const lost = acknowledged.filter((r) => !foundIds.has(r.id!));
    console.log(
      `Writes across a kill of Neo4j: ${results.length} proposals, ${acknowledged.length} acknowledged, ${failed.length} refused ` +
        `(${JSON.stringify(count(failed.map((r) => `${r.status} ${r.code}`)))}); acknowledged and found ${acknowledged.length - lost.length}, lost ${lost.length}; ` +
        `after retrying the refused ones by client id: ${retried.filter((r) => r.id).length} acknowledged, ${found.length} changes for ${new Set(found.map((r) => r.key)).size} facts`,
    );
    expect(lost).toEqual([]);
    expect(failed.length).toBeGreaterThan(0);
    // Refused before any work (the breaker open) or lost mid-write (the outcome unknown): 503
    // either way, and retrying is safe.
    expect(
      failed.every(
        (r) =>
          r.status === 503 &&
          (r.code === 'DATABASE_UNAVAILABLE' || r.code === 'WRITE_OUTCOME_UNKNOWN'),
      ),
    ).toBe(true);
    expect(retried.every((r) => r.id !== null)).toBe(true);
    expect(found).toHaveLength(120);
    expect(new Set(found.map((r) => r.key)).size).toBe(120);
  }, 180_000);
});

function count(values: ReadonlyArray<string | number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of values) out[String(v)] = (out[String(v)] ?? 0) + 1;
  return out;
}
