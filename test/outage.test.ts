import { testInstance } from '../src/core/db/local-instances';
import { localStatus, startLocalNeo4j, stopLocalNeo4j } from '../src/core/db/local-neo4j';
import { latencies } from './support/load-client';
import { startTestServer, type TestServer } from './support/harness';

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
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  const body = (await res.json()) as { errors?: Array<{ extensions?: { code?: string } }> };
  const ms = Math.round((performance.now() - started) * 10) / 10;
  return { ms, status: res.status, retryAfter: res.headers.get('retry-after'), codes: (body.errors ?? []).map((e) => String(e.extensions?.code)) };
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
  const instance = { ...testInstance('test-outage', Number(process.env.TEST_OUTAGE_NEO4J_PORT ?? 7691)), heap: '512m' };
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
    while ((await localStatus(instance)).pid !== undefined) await new Promise((r) => setTimeout(r, 20));
    const killedAt = performance.now();
    // The first read may still meet the driver (the breaker learns of the outage from it or from its probe).
    const first = await timedRead(server.url, READS[0]!);
    const breakerAfterFirst = server.app.resilience.breaker.isOpen ? 'open' : 'closed';

    const sequential: Timed[] = [];
    for (let i = 0; i < 50; i += 1) sequential.push(await timedRead(server.url, READS[i % READS.length]!));
    const concurrent = await Promise.all(Array.from({ length: 50 }, (_, i) => timedRead(server.url, READS[i % READS.length]!)));
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
        `  50 reads at once: ${summary(concurrent)}; statuses ${JSON.stringify(count(concurrent.map((r) => r.status)))}`,
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

function count(values: ReadonlyArray<string | number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of values) out[String(v)] = (out[String(v)] ?? 0) + 1;
  return out;
}
