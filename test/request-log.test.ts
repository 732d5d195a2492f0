import { Writable } from 'node:stream';
import { createDriver } from '../src/core/db/driver';
import { Executor } from '../src/core/db/executor';
import { createLogger } from '../src/core/logger';
import { type App, createApp } from '../src/server/app';
import { testConfig } from './support/harness';

/** Log lines as the server writes them (JSON), captured in memory. */
function capture() {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean))
        lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { lines, log: createLogger({ level: 'info', destination: stream }) };
}

describe('request logs', () => {
  // As in production: no stack traces in answers.
  const config = testConfig(undefined, { NODE_ENV: 'production' });
  const driver = createDriver(config.neo4j, config.neo4j.uri!);
  const apps: App[] = [];
  afterAll(async () => {
    for (const app of apps) await app.stop();
    await driver.close();
  });

  async function serve(timeoutMs: number) {
    const { lines, log } = capture();
    const app = await createApp(
      config,
      new Executor(driver, { database: config.neo4j.database, timeoutMs, app: 'zhili-test' }),
      { log },
    );
    apps.push(app);
    const url = await app.listen(0, '127.0.0.1');
    const post = async (query: string, headers: Record<string, string> = {}) =>
      (await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query }),
      }).then((r) => r.json())) as {
        data?: unknown;
        errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
      };
    return { lines, post };
  }

  it('writes one line per request: request id, operation, duration, Bolt round trips, error codes', async () => {
    const { lines, post } = await serve(10_000);
    await post('query Panlong { region(code: "530103") { name parent { name } } }', {
      'x-request-id': 'trace-42',
    });
    const line = lines.find((l) => l.msg === 'graphql request');
    expect(line).toMatchObject({
      reqId: 'trace-42',
      operation: 'Panlong',
      kind: 'query',
      fields: ['region'],
      boltTrips: 1,
      errors: [],
      level: 30,
    });
    expect(typeof line?.ms).toBe('number');
    expect(lines.filter((l) => l.reqId === 'trace-42')).toHaveLength(1);
  });

  it('replaces a request id that is not a plain token, so a client cannot forge log lines', async () => {
    const { lines, post } = await serve(10_000);
    await post('{ __typename }', { 'x-request-id': 'x"} {"level":60' });
    expect(lines.at(-1)?.reqId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('masks a server fault for the client and logs it with its cause', async () => {
    // A negative transaction timeout is refused by the driver: an error the API does not know.
    const { lines, post } = await serve(-1);
    const res = await post('{ region(code: "530103") { name } }', { 'x-request-id': 'fault-1' });
    expect(res.errors?.[0]).toMatchObject({
      message: 'Internal server error',
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(JSON.stringify(res)).not.toContain('negative');
    expect(res.errors?.[0]?.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
    // Logged once, with its cause and the request id, so on-call finds what the user saw masked.
    const faults = lines.filter((l) => l.reqId === 'fault-1' && l.level === 50);
    expect(faults).toHaveLength(1);
    expect(JSON.stringify(faults[0])).toContain('Transaction timeout should not be negative');
    expect(lines.find((l) => l.reqId === 'fault-1' && l.msg === 'graphql request')).toMatchObject({
      errors: ['INTERNAL_SERVER_ERROR'],
    });
  });

  it("sends the request id back, and does not log a client's malformed body as a fault", async () => {
    const { lines } = await serve(10_000);
    const url = apps.at(-1)!.httpServer.address() as { port: number };
    const res = await fetch(`http://127.0.0.1:${url.port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'bad-body-1' },
      body: '{"query": ',
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('x-request-id')).toBe('bad-body-1');
    expect(await res.json()).toEqual({
      errors: [
        { message: 'The request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } },
      ],
    });
    expect(lines.filter((l) => l.level === 50)).toEqual([]);
  });
});
