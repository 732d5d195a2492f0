import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { OverloadedError, type AppError } from '../core/errors';
import { errorBody, Refusals, type BeforeRefusal } from './refusals';

export interface AdmissionOptions {
  /** GraphQL requests executed at once; more would only queue inside Node and the driver's pool. */
  readonly maxConcurrent: number;
  /** Requests that may wait for a slot; beyond that the excess is shed at once. */
  readonly maxQueued: number;
  /** The longest a request waits in the queue before it is shed. */
  readonly queueTimeoutMs: number;
  /** Retry-After sent with a shed request. */
  readonly retryAfterSeconds: number;
}

export interface AdmissionStats {
  readonly inFlight: number;
  readonly queued: number;
  readonly admitted: number;
  readonly shed: number;
  /** The most requests ever executing at once: never above maxConcurrent. */
  readonly peakInFlight: number;
}

export interface GateOptions {
  readonly beforeRefusal?: BeforeRefusal;
  /** An error every GraphQL request is refused with at once, before any work and without a slot (Neo4j known to be down). */
  readonly refuseAll?: () => AppError | undefined;
}

interface Waiting {
  readonly res: ServerResponse;
  readonly run: () => void;
  readonly timer: NodeJS.Timeout;
}

/** How often, and how long at most, the answer to a request whose client left is waited for. */
const ABANDONED_POLL_MS = 50;
const ABANDONED_MAX_MS = 60_000;

/** Calls `done` once the handler has ended `res` (Node emits no event for that once the socket is gone). */
function whenAnswered(res: ServerResponse, done: () => void): void {
  const gaveUpAt = Date.now() + ABANDONED_MAX_MS;
  const check = () => {
    if (res.writableEnded || Date.now() > gaveUpAt) done();
    else setTimeout(check, ABANDONED_POLL_MS).unref();
  };
  check();
}

export const isGraphQL = (url = ''): boolean => url === '/graphql' || url.startsWith('/graphql?') || url.startsWith('/graphql/');

/**
 * Admission control for /graphql: at most `maxConcurrent` requests execute, a short queue absorbs
 * a burst, and everything beyond is refused at once with 503 OVERLOADED and Retry-After, without
 * any work done for it. Without it a load spike queues in the event loop and the driver's pool
 * until requests take seconds and time out waiting for a connection. It sits in front of Express,
 * before the body is read: under a flood most requests are refused, and a refusal that went
 * through Express cost three times as much CPU, taken from the admitted requests (measured by
 * test/overload.test.ts). Refusals are written by `Refusals`, paced so they never crowd out
 * admitted work.
 */
export class Admission {
  private inFlight = 0;
  private peak = 0;
  private admittedCount = 0;
  private shedCount = 0;
  private readonly queue: Waiting[] = [];
  private readonly refusals = new Refusals();
  private readonly overloaded: OverloadedError;
  /** Written once: under a flood a shed must cost as little as possible. */
  private readonly body: Buffer;

  constructor(private readonly options: AdmissionOptions) {
    this.overloaded = new OverloadedError(options.retryAfterSeconds);
    this.body = errorBody(this.overloaded);
  }

  get stats(): AdmissionStats {
    return { inFlight: this.inFlight, queued: this.queue.length, admitted: this.admittedCount, shed: this.shedCount, peakInFlight: this.peak };
  }

  /**
   * The HTTP server's request listener: GraphQL requests go through admission, everything else
   * (health checks, CORS preflights) straight to `handler`.
   */
  gate(handler: RequestListener, { beforeRefusal, refuseAll }: GateOptions = {}): RequestListener {
    return (req, res) => {
      const run = () => void handler(req, res);
      if (req.method === 'OPTIONS' || !isGraphQL(req.url)) return run();
      const refusal = refuseAll?.();
      if (refusal) return this.refusals.refuse(req, res, refusal, errorBody(refusal), beforeRefusal);
      if (this.inFlight < this.options.maxConcurrent) return this.admit(res, run);
      if (this.queue.length < this.options.maxQueued && this.options.queueTimeoutMs > 0) return this.enqueue(req, res, run, beforeRefusal);
      this.shed(req, res, beforeRefusal);
    };
  }

  private admit(res: ServerResponse, run: () => void): void {
    this.inFlight += 1;
    this.admittedCount += 1;
    this.peak = Math.max(this.peak, this.inFlight);
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      this.inFlight -= 1;
      this.drain();
    };
    res.once('finish', release);
    // A client that leaves does not stop the work its request started: the slot is held until the
    // handler has answered, or a client could open and drop requests to get past the limit.
    res.once('close', () => {
      if (!released) whenAnswered(res, release);
    });
    run();
  }

  private enqueue(req: IncomingMessage, res: ServerResponse, run: () => void, beforeRefusal?: BeforeRefusal): void {
    const timer = setTimeout(() => {
      if (this.remove(entry)) this.shed(req, res, beforeRefusal);
    }, this.options.queueTimeoutMs);
    const entry: Waiting = { res, run, timer };
    this.queue.push(entry);
    // A client that gives up while queued frees its place.
    res.once('close', () => {
      if (this.remove(entry)) clearTimeout(timer);
    });
  }

  private remove(entry: Waiting): boolean {
    const at = this.queue.indexOf(entry);
    if (at < 0) return false;
    this.queue.splice(at, 1);
    return true;
  }

  private drain(): void {
    while (this.inFlight < this.options.maxConcurrent && this.queue.length > 0) {
      const entry = this.queue.shift()!;
      clearTimeout(entry.timer);
      this.admit(entry.res, entry.run);
    }
  }

  private shed(req: IncomingMessage, res: ServerResponse, beforeRefusal?: BeforeRefusal): void {
    this.shedCount += 1;
    this.refusals.refuse(req, res, this.overloaded, this.body, beforeRefusal);
  }
}
