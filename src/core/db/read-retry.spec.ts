import { retried } from './read-retry';

const transient = Object.assign(new Error('gone'), { retriable: true });
const permanent = new Error('syntax');
const isTransient = (e: unknown) => e === transient;

/** A work that fails with `errors` in turn, then answers 'ok'; counts its calls. */
function failing(errors: unknown[]) {
  const calls = { n: 0 };
  const work = async () => {
    const error = errors[calls.n];
    calls.n += 1;
    if (error) throw error;
    return 'ok';
  };
  return { work, calls };
}

describe('retried', () => {
  it('tries a transient failure again until the work succeeds', async () => {
    const { work, calls } = failing([transient, transient]);
    await expect(retried(work, { maxMs: 1000, firstDelayMs: 1 }, isTransient)).resolves.toBe('ok');
    expect(calls.n).toBe(3);
  });

  it('gives up at once on a permanent failure', async () => {
    const { work, calls } = failing([permanent]);
    await expect(retried(work, { maxMs: 1000, firstDelayMs: 1 }, isTransient)).rejects.toBe(
      permanent,
    );
    expect(calls.n).toBe(1);
  });

  it('starts no retry past its time and fails with the last error', async () => {
    const { work, calls } = failing(Array(100).fill(transient));
    const started = Date.now();
    await expect(retried(work, { maxMs: 60, firstDelayMs: 10 }, isTransient)).rejects.toBe(
      transient,
    );
    expect(Date.now() - started).toBeLessThan(200);
    // 10, 20 and 40 ms pauses (±20%) fit in 60 ms at most twice.
    expect(calls.n).toBeGreaterThanOrEqual(2);
    expect(calls.n).toBeLessThanOrEqual(3);
  });

  it('stops when told to (the breaker opened)', async () => {
    const { work, calls } = failing([transient, transient]);
    let stop = false;
    const run = retried(work, { maxMs: 1000, firstDelayMs: 20, stop: () => stop }, isTransient);
    stop = true;
    await expect(run).rejects.toBe(transient);
    expect(calls.n).toBe(1);
  });

  it('retries nothing with a time of zero (NEO4J_MAX_RETRY_MS=0)', async () => {
    const { work, calls } = failing([transient]);
    await expect(retried(work, { maxMs: 0 }, isTransient)).rejects.toBe(transient);
    expect(calls.n).toBe(1);
  });
});

describe('retried, by the driver’s test', () => {
  it('retries a Neo4jError the driver calls transient, and nothing else', async () => {
    const { Neo4jError } = await import('neo4j-driver');
    const unavailable = new Neo4jError('down', 'ServiceUnavailable', 'N/A', 'N/A');
    const { work, calls } = failing([unavailable]);
    await expect(retried(work, { maxMs: 1000, firstDelayMs: 1 })).resolves.toBe('ok');
    expect(calls.n).toBe(2);
    const plain = failing([new TypeError('a bug')]);
    await expect(retried(plain.work, { maxMs: 1000, firstDelayMs: 1 })).rejects.toThrow('a bug');
    expect(plain.calls.n).toBe(1);
  });
});
