import { testInstance } from '../src/core/db/local-instances';
import { startTestServer, type TestServer } from './support/harness';
import { freePort } from './support/ports';

/**
 * Prometheus metrics on the real app and the test Neo4j: requests, the response cache and Bolt
 * transactions counted as they happen, read from the metrics port and from the public port with
 * the bearer token.
 */

const TOKEN = 'metrics-test-token-0123456789abcdef';

type Samples = Map<string, number>;

/** The Prometheus text format: one sample per line, `name{a="x",b="y"} value`. */
function parse(text: string): Samples {
  const samples: Samples = new Map();
  for (const line of text.split('\n')) {
    const m = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m) continue;
    const labels = [...(m[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)]
      .map(([, k, v]) => `${k}=${v}`)
      .sort();
    samples.set(`${m[1]}{${labels.join(',')}}`, Number(m[3]));
  }
  return samples;
}

/** One sample's value; 0 for a series not yet there (a counter not yet incremented). */
const value = (samples: Samples, name: string, labels: Record<string, string> = {}): number => {
  const key = Object.entries(labels)
    .map(([k, v]) => `${k}=${v}`)
    .sort()
    .join(',');
  return samples.get(`${name}{${key}}`) ?? 0;
};

describe('metrics', () => {
  let server: TestServer;
  let metricsUrl: string;
  let publicMetrics: string;

  beforeAll(async () => {
    const port = await freePort();
    server = await startTestServer(testInstance(), {
      METRICS_PORT: String(port),
      METRICS_TOKEN: TOKEN,
      RESPONSE_CACHE_SECONDS: '300',
    });
    metricsUrl = `http://127.0.0.1:${port}/metrics`;
    publicMetrics = server.url.replace(/\/graphql$/, '/metrics');
  });
  afterAll(() => server?.close());

  const scrape = async (): Promise<Samples> => {
    const res = await fetch(metricsUrl);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    return parse(await res.text());
  };

  it('counts requests by operation and code, cache lookups and Bolt transactions', async () => {
    const before = await scrape();
    // A comment keeps this run's text apart from other runs'; the cache key ignores it anyway.
    const query = `query Portal($c: String!) { region(code: $c) { name } } # ${Date.now()}`;
    const first = await server.gql<{ region: { name: string } }>(query, { c: '530103' });
    expect(first.data?.region.name).toBe('盘龙区');
    const again = await server.gql<{ region: { name: string } }>(query, { c: '530103' });
    expect(again.data).toEqual(first.data);
    const broken = await server.gql('query Broken { noSuchField }');
    expect(broken.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect((await server.gql('{ __typename }')).errors).toBeUndefined();

    const after = await scrape();
    const requests = (operation: string, code: string) =>
      value(after, 'zhili_graphql_requests_total', { operation, code }) -
      value(before, 'zhili_graphql_requests_total', { operation, code });
    expect(requests('Portal', 'OK')).toBe(2);
    expect(requests('Broken', 'GRAPHQL_VALIDATION_FAILED')).toBe(1);
    expect(requests('anonymous', 'OK')).toBe(1);
    const timed = { operation: 'Portal', code: 'OK' };
    expect(value(after, 'zhili_graphql_request_duration_seconds_count', timed)).toBe(2);
    expect(value(after, 'zhili_graphql_request_duration_seconds_sum', timed)).toBeGreaterThan(0);
    expect(
      value(after, 'zhili_graphql_request_duration_seconds_bucket', { ...timed, le: '+Inf' }),
    ).toBe(2);

    // The first Portal lookup misses and the second hits; `{ __typename }` misses too.
    const lookups = (result: string) =>
      value(after, 'zhili_response_cache_total', { result }) -
      value(before, 'zhili_response_cache_total', { result });
    expect(lookups('hit')).toBe(1);
    expect(lookups('miss')).toBe(2);

    const reads = (s: Samples) =>
      value(s, 'zhili_bolt_transactions_total', { mode: 'READ', outcome: 'ok' });
    expect(reads(after)).toBeGreaterThan(reads(before));
    expect(value(after, 'zhili_bolt_transactions_total', { mode: 'READ', outcome: 'error' })).toBe(
      0,
    );
    // Every request is answered, so every session its reads opened is closed again.
    expect(value(after, 'zhili_neo4j_sessions_open')).toBe(0);
    expect(value(after, 'zhili_neo4j_pool_max')).toBe(server.config.neo4j.maxPoolSize);
    expect(value(after, 'zhili_breaker_open')).toBe(0);
    expect(value(after, 'zhili_admission_in_flight')).toBe(0);
    expect(value(after, 'zhili_admission_queued')).toBe(0);
    expect(value(after, 'zhili_admission_shed_total')).toBe(0);
    expect(value(after, 'zhili_process_resident_memory_bytes')).toBeGreaterThan(0);
  });

  it('serves the same registry on the public port to the bearer of METRICS_TOKEN, uncached', async () => {
    const res = await fetch(publicMetrics, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const viaToken = parse(await res.text());
    const direct = await scrape();
    const portal = { operation: 'Portal', code: 'OK' };
    expect(value(viaToken, 'zhili_graphql_requests_total', portal)).toBe(2);
    expect(value(direct, 'zhili_graphql_requests_total', portal)).toBe(2);
  });

  it('answers a wrong or missing token with 401 and a JSON error', async () => {
    for (const headers of [{ authorization: 'Bearer wrong-token-0123456789' }, undefined]) {
      const res = await fetch(publicMetrics, { headers });
      expect(res.status).toBe(401);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(await res.json()).toEqual({
        errors: [{ message: expect.any(String), extensions: { code: 'UNAUTHENTICATED' } }],
      });
    }
  });

  it('serves nothing but GET /metrics on the metrics port', async () => {
    const other = await fetch(metricsUrl.replace(/\/metrics$/, '/graphql'));
    expect(other.status).toBe(404);
    expect(((await other.json()) as { errors: unknown[] }).errors).toHaveLength(1);
    expect((await fetch(metricsUrl, { method: 'POST' })).status).toBe(405);
  });
});

describe('metrics without METRICS_TOKEN', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server?.close());

  it('leaves /metrics on the public port a 404, whatever the request carries', async () => {
    const url = server.url.replace(/\/graphql$/, '/metrics');
    for (const headers of [undefined, { authorization: `Bearer ${TOKEN}` }]) {
      const res = await fetch(url, { headers });
      expect(res.status).toBe(404);
      expect(await res.json()).toMatchObject({ errors: [{ extensions: { code: 'NOT_FOUND' } }] });
    }
  });
});
