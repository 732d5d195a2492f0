import type { IncomingMessage, ServerResponse } from 'node:http';
import { OverloadedError } from '../core/errors';
import { errorBody, Refusals } from './refusals';

/**
 * A response that records what was written, and burns `costMs` of CPU doing so (like a real write).
 */
function fakeResponse(id: number, written: number[], costMs = 0, destroyed = false) {
  const res = {
    destroyed,
    headersSent: false,
    writableEnded: false,
    status: 0,
    headers: {} as Record<string, unknown>,
    writeHead(status: number, headers: Record<string, unknown>) {
      res.status = status;
      res.headers = headers;
      res.headersSent = true;
    },
    end() {
      const until = performance.now() + costMs;
      while (performance.now() < until);
      res.writableEnded = true;
      written.push(id);
    },
  };
  return res;
}

const req = { headers: {} } as IncomingMessage;
const turn = () => new Promise((r) => setImmediate(r));

describe('Refusals', () => {
  const error = new OverloadedError(1);
  const body = errorBody(error);

  it('writes a refusal in the turn it arrived in, with its status, Retry-After and a GraphQL error body', async () => {
    const written: number[] = [];
    const res = fakeResponse(1, written);
    new Refusals().refuse(req, res as unknown as ServerResponse, error, body);
    await turn();
    expect(written).toEqual([1]);
    expect(res.status).toBe(503);
    expect(res.headers).toMatchObject({
      'retry-after': '1',
      'cache-control': 'no-store',
      'content-type': 'application/json; charset=utf-8',
    });
    expect(JSON.parse(body.toString())).toEqual({
      errors: [{ message: error.message, extensions: { code: 'OVERLOADED', retryAfter: 1 } }],
    });
  });

  it('spreads a flood over several turns, in arrival order, so each turn stays short', async () => {
    const written: number[] = [];
    const refusals = new Refusals();
    for (let i = 0; i < 300; i += 1)
      refusals.refuse(req, fakeResponse(i, written, 0.1) as unknown as ServerResponse, error, body);
    await turn();
    const firstTurn = written.length;
    expect(firstTurn).toBeGreaterThan(0);
    expect(firstTurn).toBeLessThan(300);
    while (written.length < 300) await turn();
    expect(written).toEqual([...Array(300).keys()]);
  });

  it('skips a client that left while its refusal waited', async () => {
    const written: number[] = [];
    new Refusals().refuse(
      req,
      fakeResponse(1, written, 0, true) as unknown as ServerResponse,
      error,
      body,
    );
    await turn();
    expect(written).toEqual([]);
  });
});
