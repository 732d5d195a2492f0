import http from 'node:http';
import type { AddressInfo } from 'node:net';
import neo4j, { type Driver } from 'neo4j-driver';
import { cypherInt, toNative } from '../src/core/db/convert';

/**
 * The floor of any HTTP API over this graph: each case's hand-written statement (bench/raw.ts)
 * behind a bare `node:http` server, no framework, no GraphQL. `POST /<n>` with `{"params": …}`
 * runs statement n in one auto-commit read (a session per request, READ mode) on the bench's driver
 * and answers `{"data": <answer>}`. What Zhili costs above it is the price of the API itself.
 */
export interface Floor {
  /** The URL that runs statement `i` of those the floor was started with. */
  readonly url: (i: number) => string;
  readonly stop: () => Promise<void>;
}

/** Whole numbers travel as Cypher INTEGER (LIMIT refuses floats), as the worker sends them. */
export const cypherParams = (p: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(p).map(([k, v]) => [
      k,
      typeof v === 'number' && Number.isInteger(v) ? cypherInt(v) : v,
    ]),
  );

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (text += c));
    req.on('end', () => resolve(text));
    req.on('error', reject);
  });
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

async function answer(driver: Driver, cypher: string, body: string): Promise<unknown> {
  const { params = {} } = JSON.parse(body) as { params?: Record<string, unknown> };
  const session = driver.session({ database: 'neo4j', defaultAccessMode: neo4j.session.READ });
  try {
    // An auto-commit read, as Zhili's executor and the raw form run theirs (one round trip).
    const result = await session.run(cypher, cypherParams(params));
    return toNative(result.records[0]?.get('answer'));
  } finally {
    await session.close();
  }
}

/** Serves `statements` on 127.0.0.1 at a free port. */
export async function startFloor(driver: Driver, statements: readonly string[]): Promise<Floor> {
  const server = http.createServer((req, res) => {
    const at = /^\/(\d+)$/.exec(req.url ?? '');
    const cypher = at ? statements[Number(at[1])] : undefined;
    if (req.method !== 'POST' || cypher === undefined)
      return send(res, 404, { errors: [{ message: `no statement at ${req.method} ${req.url}` }] });
    readBody(req)
      .then((body) => answer(driver, cypher, body))
      .then(
        (data) => send(res, 200, { data }),
        (e: unknown) => send(res, 500, { errors: [{ message: String(e) }] }),
      );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (i) => `http://127.0.0.1:${port}/${i}`,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((e) => (e ? reject(e) : resolve()));
        server.closeAllConnections();
      }),
  };
}
