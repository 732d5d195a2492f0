import type { ServerResponse } from 'node:http';
import { createApiKey, deleteApiKeys, type CreatedKey } from '../src/auth/apikey.service';
import { newKeyId } from '../src/auth/apikey.token';
import { startTestServer, type TestServer } from './support/harness';
import { latencies, type Latencies, type LoadReport } from './support/load-client';
import { loadInProcess } from './support/load-process';

/**
 * Wrong secrets cannot starve the service: an attacker on 32 connections sends a real key id with
 * a new random secret each time (each would cost ~40 ms of scrypt). Failures are limited per
 * address and per key id and checked before admission, so public reads and the key's holder go
 * on as before. Each client has its own address (X-Forwarded-For, trusted from loopback).
 */
const READ = JSON.stringify({ query: '{ region(code: "530103") { name nameEn practices(includeSubregions: true, first: 5) { totalCount edges { node { name } } } } }' });
const ME = JSON.stringify({ query: '{ me { id role } }' });
const SECONDS = 10;
const from = (address: string) => ({ 'x-forwarded-for': address });

describe('a flood of wrong secrets', () => {
  let server: TestServer;
  let key: CreatedKey;
  /** Time at the service, from arrival to answer, of the reader's requests (its address marks them). */
  let served: number[] = [];
  const measure = (req: { headers: Record<string, unknown> }, res: ServerResponse) => {
    if (req.headers['x-forwarded-for'] !== '203.0.113.10') return;
    const started = performance.now();
    res.once('finish', () => served.push(performance.now() - started));
  };

  beforeAll(async () => {
    server = await startTestServer(undefined, { TRUST_PROXY: 'loopback' });
    key = await createApiKey(server.executor, { name: 'auth-flood test', role: 'EDITOR' });
    server.app.httpServer.prependListener('request', measure);
    const warm = await server.gql(JSON.parse(READ).query as string);
    expect(warm.errors).toBeUndefined();
  });
  afterAll(async () => {
    server.app.httpServer.removeListener('request', measure);
    await deleteApiKeys(server.executor, [key.key.id]);
    await server.close();
  });

  const reader = (seconds = SECONDS) => loadInProcess({ url: server.url, body: READ, connections: 2, durationSeconds: seconds, headers: from('203.0.113.10') });
  const line = (l: Latencies | undefined) => `${l?.count ?? 0} answers, p50 ${l?.p50} p99 ${l?.p99} max ${l?.max} ms`;
  const statuses = (r: LoadReport) => Object.fromEntries(Object.entries(r.byStatus).map(([s, l]) => [s, l.count]));

  it('leaves other clients with no 503 and their p99 within 1.5× of the same reads unloaded (at the service)', async () => {
    // The holder has used its key before: its token is known good.
    const before = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${key.token}` }, body: ME });
    expect(before.status).toBe(200);
    // The same clients with and without the attacker: the reader, and the key's holder beside it.
    const holder = (seconds = SECONDS) => loadInProcess({ url: server.url, body: ME, connections: 2, durationSeconds: seconds, headers: { ...from('203.0.113.20'), authorization: `Bearer ${key.token}` } });
    // Warm first (the JIT, the plan cache, the pool), so neither phase pays for it.
    await Promise.all([reader(3), holder(3)]);
    served = [];
    const [alone] = await Promise.all([reader(), holder()]);
    const aloneAtService = latencies(served);
    served = [];
    const [attack, during, holding] = await Promise.all([
      loadInProcess({ url: server.url, body: ME, connections: 32, durationSeconds: SECONDS, guessSecretsFor: key.key.id, headers: from('198.51.100.7') }),
      reader(),
      holder(),
    ]);
    const duringAtService = latencies(served);
    console.log(
      [
        `Wrong-secret flood: 32 connections for ${attack.seconds} s, ${attack.requests} requests, statuses ${JSON.stringify(statuses(attack))}`,
        `  reads with no attack (2 connections, the holder on 2 more): client ${line(alone.byStatus['200'])}; at the service p99 ${aloneAtService.p99} ms`,
        `  reads during the flood:          client ${line(during.byStatus['200'])}; at the service p99 ${duringAtService.p99} ms; statuses ${JSON.stringify(statuses(during))}`,
        `  the key's holder during it:      ${line(holding.byStatus['200'])}; statuses ${JSON.stringify(statuses(holding))}`,
        `  p99 ratio, during ÷ unloaded: client ${(during.byStatus['200']!.p99 / alone.byStatus['200']!.p99).toFixed(2)}, at the service ${(duringAtService.p99 / aloneAtService.p99).toFixed(2)}`,
      ].join('\n'),
    );
    // The attacker gets refusals only: 401 until its address is blocked, 503 while scrypt's queue is full, then 429.
    expect(Object.keys(attack.byStatus).sort()).toEqual(['401', '429', '503']);
    expect(Object.keys(during.byStatus)).toEqual(['200']);
    expect(Object.keys(holding.byStatus)).toEqual(['200']);
    expect(duringAtService.p99).toBeLessThanOrEqual(1.5 * Math.max(aloneAtService.p99, 1));
  });

  it('refuses 100 wrong tokens from one address with 429 and Retry-After after the limit, without hashing', async () => {
    const unknownId = newKeyId();
    let retryAfter: string | null = null;
    const attempt = async (i: number): Promise<string> => {
      const token = `zk_${unknownId}_${'x'.repeat(40)}${String(i).padStart(3, '0')}`;
      const res = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...from('192.0.2.99') }, body: ME });
      const body = (await res.json()) as { errors?: Array<{ extensions?: { code?: string } }> };
      if (res.status === 429) retryAfter ??= res.headers.get('retry-after');
      return `${res.status} ${body.errors?.[0]?.extensions?.code}`;
    };
    // One after another up to the limit; the rest at once (each 429 comes after a pause of a second).
    const limit = server.config.auth.failures.perAddress;
    const seen: string[] = [];
    for (let i = 0; i < limit; i += 1) seen.push(await attempt(i));
    seen.push(...(await Promise.all(Array.from({ length: 100 - limit }, (_, i) => attempt(limit + i)))));
    const counts = seen.reduce<Record<string, number>>((n, s) => ({ ...n, [s]: (n[s] ?? 0) + 1 }), {});
    console.log(`100 wrong tokens from one address: ${JSON.stringify(counts)}, Retry-After ${retryAfter} s`);
    expect(seen.slice(0, limit)).toEqual(Array(limit).fill('401 UNAUTHENTICATED'));
    expect(seen.slice(limit)).toEqual(Array(100 - limit).fill('429 RATE_LIMITED'));
    expect(Number(retryAfter)).toBeGreaterThan(0);
    // Another address, with the holder's token, is not held back.
    const holder = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${key.token}`, ...from('192.0.2.100') }, body: ME });
    expect(holder.status).toBe(200);
  });
});
