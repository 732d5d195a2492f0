import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { type AppError, DatabaseUnavailableError } from '../core/errors';
import { Admission } from './admission';

let refusal: AppError | undefined;

/**
 * A server whose handler holds each admitted request until `release()`: admission seen over real
 * HTTP.
 */
async function serve(admission: Admission) {
  const held: Array<() => void> = [];
  const app = express();
  app.use('/graphql', (req, res) => {
    if (req.method === 'OPTIONS') res.status(204).end();
    else held.push(() => res.json({ data: { ok: true } }));
  });
  app.get('/health/live', (_req, res) => res.json({ status: 'ok' }));
  const server = http.createServer(
    admission.gate(app, {
      beforeRefusal: (_req, res, next) => (
        res.setHeader('access-control-allow-origin', '*'),
        next()
      ),
      refuseAll: () => refusal,
    }),
  );
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  const post = async (headers: Record<string, string> = {}) => {
    const started = performance.now();
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: '{"query":"{ok}"}',
    });
    return {
      status: res.status,
      ms: performance.now() - started,
      retryAfter: res.headers.get('retry-after'),
      type: res.headers.get('content-type'),
      cors: res.headers.get('access-control-allow-origin'),
      body: (await res.json()) as Record<string, unknown>,
    };
  };
  const releaseAll = () => held.splice(0).forEach((release) => release());
  const close = () =>
    new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r())));
  return { url, post, held, releaseAll, close };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('Admission', () => {
  it('runs at most maxConcurrent, queues a few, and sheds the rest at once with 503 OVERLOADED and Retry-After', async () => {
    const admission = new Admission({
      maxConcurrent: 2,
      maxQueued: 1,
      queueTimeoutMs: 5_000,
      retryAfterSeconds: 1,
    });
    const s = await serve(admission);
    const admitted = [s.post(), s.post(), s.post()];
    await sleep(50);
    const shed = await s.post({ origin: 'https://portal.example' });
    expect(shed.status).toBe(503);
    expect(shed.ms).toBeLessThan(100);
    expect(shed.retryAfter).toBe('1');
    expect(shed.type).toMatch(/^application\/json/);
    expect(shed.cors).toBe('*');
    expect((await fetch(s.url.replace('/graphql', '/health/live'))).status).toBe(200);
    expect(shed.body).toEqual({
      errors: [{ message: expect.any(String), extensions: { code: 'OVERLOADED', retryAfter: 1 } }],
    });
    expect(s.held).toHaveLength(2);
    s.releaseAll(); // frees both slots: the queued request runs
    await sleep(50);
    s.releaseAll();
    expect((await Promise.all(admitted)).map((r) => r.status)).toEqual([200, 200, 200]);
    expect(admission.stats).toMatchObject({
      inFlight: 0,
      queued: 0,
      admitted: 3,
      shed: 1,
      peakInFlight: 2,
    });
    await s.close();
  });

  it('sheds a queued request when its wait runs out', async () => {
    const admission = new Admission({
      maxConcurrent: 1,
      maxQueued: 5,
      queueTimeoutMs: 80,
      retryAfterSeconds: 2,
    });
    const s = await serve(admission);
    const first = s.post();
    await sleep(20);
    const queued = await s.post({ accept: 'application/graphql-response+json' });
    expect(queued.status).toBe(503);
    expect(queued.ms).toBeGreaterThanOrEqual(70);
    expect(queued.retryAfter).toBe('2');
    expect(queued.type).toMatch(/^application\/graphql-response\+json/);
    s.releaseAll();
    expect((await first).status).toBe(200);
    await s.close();
  });

  it('holds the slot of a client that went away until its work is done, and lets CORS preflights through', async () => {
    const admission = new Admission({
      maxConcurrent: 1,
      maxQueued: 0,
      queueTimeoutMs: 0,
      retryAfterSeconds: 1,
    });
    const s = await serve(admission);
    const aborted = new AbortController();
    const gone = fetch(s.url, {
      method: 'POST',
      body: '{}',
      headers: { 'content-type': 'application/json' },
      signal: aborted.signal,
    }).catch(() => 'aborted');
    await sleep(30);
    expect(admission.stats.inFlight).toBe(1);
    aborted.abort();
    expect(await gone).toBe('aborted');
    await sleep(80);
    // Its handler still runs: dropping the request must not make room for more work.
    expect(admission.stats.inFlight).toBe(1);
    expect((await s.post()).status).toBe(503);
    s.releaseAll();
    await sleep(80);
    expect(admission.stats.inFlight).toBe(0);
    const holder = s.post();
    await sleep(30);
    const preflight = await fetch(s.url, { method: 'OPTIONS' });
    expect(preflight.status).toBe(204);
    s.releaseAll();
    expect((await holder).status).toBe(200);
    await s.close();
  });

  it('refuses every GraphQL request at once while told to (Neo4j down), without taking a slot', async () => {
    const admission = new Admission({
      maxConcurrent: 1,
      maxQueued: 0,
      queueTimeoutMs: 0,
      retryAfterSeconds: 1,
    });
    const s = await serve(admission);
    refusal = new DatabaseUnavailableError(undefined, 2);
    try {
      const down = await s.post();
      expect(down).toMatchObject({
        status: 503,
        retryAfter: '2',
        body: { errors: [{ extensions: { code: 'DATABASE_UNAVAILABLE', retryAfter: 2 } }] },
      });
      expect(admission.stats).toMatchObject({ admitted: 0, shed: 0 });
      expect((await fetch(s.url.replace('/graphql', '/health/live'))).status).toBe(200);
    } finally {
      refusal = undefined;
      await s.close();
    }
  });
});
