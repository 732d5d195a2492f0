import net from 'node:net';
import { testInstance } from '../src/core/db/local-instances';
import { localStatus, stopLocalNeo4j } from '../src/core/db/local-neo4j';
import { spawnMain } from './support/api-process';

/** A local Neo4j of its own: the start-up under test starts it, and must stop it again. */
const PORT = Number(process.env.TEST_START_NEO4J_PORT ?? 7692);
const instance = testInstance('test-start', PORT);

interface Exit {
  readonly code: number | null;
  readonly output: string;
  readonly ms: number;
}

/**
 * Runs `npm start`'s entry point (src/main.ts) with exactly `env` (and what finds Java), to its
 * exit.
 */
function start(env: Record<string, string>): Promise<Exit> {
  const started = performance.now();
  const child = spawnMain({
    LOCAL_NEO4J_PORT: String(PORT),
    LOCAL_NEO4J_DATA_DIR: '.neo4j/test-start',
    LOCAL_NEO4J_HEAP: '512m',
    LOCAL_NEO4J_PAGECACHE_MB: '64',
    ...env,
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) =>
    child.on('exit', (code) =>
      resolve({ code, output, ms: Math.round(performance.now() - started) }),
    ),
  );
}

/** A port another program holds, for as long as the test needs it. */
async function holdPort(): Promise<{ port: number; release: () => Promise<void> }> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    port: (server.address() as net.AddressInfo).port,
    release: () => new Promise((r) => server.close(() => r())),
  };
}

describe('start-up', () => {
  afterAll(() => stopLocalNeo4j(instance), 90_000);

  it('names every bad setting at once and starts nothing', async () => {
    const exit = await start({
      LOCAL_NEO4J_HEAP: '1m',
      RESPONSE_CACHE_SECONDS: '-1',
      NEO4J_MAX_RETRY_MS: '-5',
      MAX_CONCURRENT_REQUESTS: '0',
    });
    console.log(`bad configuration: exit ${exit.code} after ${exit.ms} ms\n${exit.output.trim()}`);
    expect(exit.code).toBe(1);
    for (const name of [
      'LOCAL_NEO4J_HEAP',
      'RESPONSE_CACHE_SECONDS',
      'NEO4J_MAX_RETRY_MS',
      'MAX_CONCURRENT_REQUESTS',
    ])
      expect(exit.output).toContain(name);
    expect((await localStatus(instance)).pid).toBeUndefined();
  }, 60_000);

  it('refuses an HTTP port in use before it starts Neo4j', async () => {
    const held = await holdPort();
    try {
      const exit = await start({ PORT: String(held.port) });
      console.log(`HTTP port in use: exit ${exit.code} after ${exit.ms} ms\n${exit.output.trim()}`);
      expect(exit.code).toBe(1);
      expect(exit.output).toContain(`PORT ${held.port}`);
      expect(exit.output).not.toContain('Local Neo4j started');
      expect((await localStatus(instance)).pid).toBeUndefined();
    } finally {
      await held.release();
    }
  }, 60_000);

  it('stops the local Neo4j it started when a later step fails, then exits non-zero', async () => {
    const free = await holdPort();
    await free.release();
    // Neo4j starts, then the API cannot open a database it does not have.
    const exit = await start({
      PORT: String(free.port),
      NEO4J_DATABASE: 'missing',
      LOG_LEVEL: 'info',
    });
    const lines = exit.output
      .split('\n')
      .filter((l) => /Neo4j|Start-up failed/.test(l))
      .map((l) => (l.startsWith('{') ? (JSON.parse(l) as { msg: string }).msg : l));
    console.log(
      `start-up failing after Neo4j started: exit ${exit.code} after ${(exit.ms / 1000).toFixed(1)} s\n  ${lines.join('\n  ')}`,
    );
    expect(exit.code).toBe(1);
    expect(exit.output).toContain('Local Neo4j started');
    expect(exit.output).toContain('Local Neo4j stopped');
    expect((await localStatus(instance)).running).toBe(false);
  }, 120_000);
});
