import type { IncomingMessage, ServerResponse } from 'node:http';
import { type AppError, ErrorCode } from '../core/errors';

/**
 * Runs before a refusal is written, then calls `next` (the CORS policy: a page may read its 503 and
 * Retry-After).
 */
export type BeforeRefusal = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

/**
 * CPU time a turn of the event loop may spend writing refusals (about 60 µs each). It keeps a turn
 * short, so a flood of refusals cannot hold back the database answers of admitted requests.
 */
const REFUSAL_MS_PER_TURN = 5;

/** Refusals held for their pause at once (each holds a socket and a small object). */
const MAX_PAUSED = 8_192;

/** A GraphQL error response body for `error`: its message, code and Retry-After, nothing else. */
export function errorBody(error: AppError): Buffer {
  const { retryAfter } = error.extensions;
  return Buffer.from(
    JSON.stringify({
      errors: [
        {
          message: error.message,
          extensions: { code: error.code, ...(retryAfter === undefined ? {} : { retryAfter }) },
        },
      ],
    }),
  );
}

/**
 * Answers refused requests (503 OVERLOADED or DATABASE_UNAVAILABLE, and refused credentials) before
 * Express, in arrival order, for at most REFUSAL_MS_PER_TURN of each event-loop turn. Under a flood
 * from 1,000 connections that each send again as soon as they are answered, writing every refusal
 * as it came made each turn as long as a thousand refusals (~60 ms); an admitted request needs
 * several turns for its Bolt round trips, so it took most of a second. Paced, turns stay short and
 * the CPU goes to admitted work first. Under such a flood a refusal then waits a few hundred
 * milliseconds instead of tens (test/overload.test.ts prints both), with no work done for it.
 * Under light load every refusal is written in the turn it arrived in.
 */
export class Refusals {
  private readonly pending: Array<() => void> = [];
  private head = 0;
  private scheduled = false;
  private paused = 0;

  /**
   * The same refusal, answered after `ms`: what a client that sends again as soon as it is
   * refused gets while it floods, so that it sends one request per pause per connection. At
   * most MAX_PAUSED are held at once; past that a refusal is answered at once.
   */
  refuseAfter(
    ms: number,
    req: IncomingMessage,
    res: ServerResponse,
    error: AppError,
    body: Buffer,
    beforeRefusal?: BeforeRefusal,
  ): void {
    if (this.paused >= MAX_PAUSED) return this.refuse(req, res, error, body, beforeRefusal);
    this.paused += 1;
    setTimeout(() => {
      this.paused -= 1;
      this.refuse(req, res, error, body, beforeRefusal);
    }, ms).unref();
  }

  /** Answers `req` with `error`'s status and headers (503, Retry-After) and `body`. */
  refuse(
    req: IncomingMessage,
    res: ServerResponse,
    error: AppError,
    body: Buffer,
    beforeRefusal?: BeforeRefusal,
  ): void {
    this.pending.push(() => write(req, res, error, body, beforeRefusal));
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(this.flush);
    }
  }

  private readonly flush = (): void => {
    const until = performance.now() + REFUSAL_MS_PER_TURN;
    while (this.head < this.pending.length && performance.now() < until) {
      this.pending[this.head]!();
      this.head += 1;
    }
    if (this.head === this.pending.length) {
      this.pending.length = 0;
      this.head = 0;
      this.scheduled = false;
      return;
    }
    if (this.head >= 1024) {
      this.pending.splice(0, this.head);
      this.head = 0;
    }
    // Scheduled from the check phase, this runs in the next turn, after that turn's I/O.
    setImmediate(this.flush);
  };
}

function write(
  req: IncomingMessage,
  res: ServerResponse,
  error: AppError,
  body: Buffer,
  beforeRefusal?: BeforeRefusal,
): void {
  // The client may have left while its refusal waited.
  if (res.destroyed || res.headersSent || res.writableEnded) return;
  const http = error.extensions.http as
    { status?: number; headers?: Map<string, string> } | undefined;
  // The GraphQL over HTTP media type when the client asks for it; JSON otherwise, never HTML.
  const type = req.headers.accept?.includes('application/graphql-response+json')
    ? 'application/graphql-response+json'
    : 'application/json';
  const send = () => {
    res.writeHead(http?.status ?? (error.code === ErrorCode.INTERNAL_SERVER_ERROR ? 500 : 503), {
      ...Object.fromEntries(http?.headers ?? []),
      'content-type': `${type}; charset=utf-8`,
      'content-length': body.length,
      'cache-control': 'no-store',
    });
    res.end(body);
  };
  // CORS matters only to browsers, which always send Origin: other clients skip the policy's cost.
  if (beforeRefusal && req.headers.origin !== undefined) beforeRefusal(req, res, send);
  else send();
}
