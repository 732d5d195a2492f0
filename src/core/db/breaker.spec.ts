import { Neo4jError } from 'neo4j-driver';
import { CircuitBreaker } from './breaker';

const refused = () =>
  new Neo4jError(
    'Failed to connect to server. Caused by: connect ECONNREFUSED 127.0.0.1:7687',
    'ServiceUnavailable',
    '08000',
    'connection exception',
  );
const poolExhausted = () =>
  new Neo4jError(
    'Connection acquisition timed out in 5000 ms. Pool status: Active conn count = 50, Idle conn count = 0.',
    'N/A',
    '50N42',
    'error',
  );
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('CircuitBreaker', () => {
  const changes: Array<[boolean, string | undefined]> = [];
  const make = (probe: () => Promise<void>, probeIntervalMs = 20) =>
    new CircuitBreaker(probe, {
      probeIntervalMs,
      probeTimeoutMs: 50,
      onChange: (open, reason) => changes.push([open, reason]),
    });
  beforeEach(() => changes.splice(0));

  it('opens on a failed probe, fails fast with 503 while open, and closes when a probe succeeds again', async () => {
    let up = false;
    const breaker = make(async () => {
      if (!up) throw refused();
    });
    expect((await breaker.check()).up).toBe(false);
    expect(breaker.isOpen).toBe(true);
    const error = breaker.unavailable();
    expect(error.code).toBe('DATABASE_UNAVAILABLE');
    expect((error.extensions.http as { status: number }).status).toBe(503);
    up = true;
    expect((await breaker.check()).up).toBe(true);
    expect(breaker.isOpen).toBe(false);
    expect(changes.map(([open]) => open)).toEqual([true, false]);
  });

  it('stays closed when the database is only busy: a slow probe or an exhausted pool', async () => {
    const slow = make(async () => void (await sleep(200)));
    expect(await slow.check()).toMatchObject({ up: false, reason: 'no answer within 50 ms' });
    expect(slow.isOpen).toBe(false);
    const busy = make(() => Promise.reject(poolExhausted()));
    expect((await busy.check()).up).toBe(false);
    expect(busy.isOpen).toBe(false);
  });

  it('is tripped by a connection failure and closes by itself in the background once Neo4j answers', async () => {
    let up = false;
    const breaker = make(async () => {
      if (!up) throw refused();
    }).start();
    breaker.trip(refused());
    expect(breaker.isOpen).toBe(true);
    await sleep(60);
    expect(breaker.isOpen).toBe(true);
    up = true;
    for (let i = 0; i < 50 && breaker.isOpen; i += 1) await sleep(10);
    breaker.stop();
    expect(breaker.isOpen).toBe(false);
  });

  it('shares one probe among simultaneous checks', async () => {
    let probes = 0;
    const breaker = make(async () => {
      probes += 1;
      await sleep(10);
    });
    await Promise.all([breaker.check(), breaker.check(), breaker.check()]);
    expect(probes).toBe(1);
  });

  it('tells those waiting on Neo4j when it opens, once, and not those that stopped listening', async () => {
    const breaker = make(() => Promise.reject(refused()));
    const heard: string[] = [];
    breaker.onOpen(() => heard.push('a'));
    const stop = breaker.onOpen(() => heard.push('b'));
    stop();
    breaker.trip(refused());
    breaker.trip(refused());
    breaker.stop();
    expect(heard).toEqual(['a']);
  });

  it('asks clients to come back after about one probe interval', () => {
    expect(make(async () => undefined, 2_500).retryAfterSeconds).toBe(3);
    expect(make(async () => undefined, 200).retryAfterSeconds).toBe(1);
  });
});
