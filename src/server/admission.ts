import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { type AppError, OverloadedError } from '../core/errors';
import { LatencyLimit } from './concurrency-limit';
import { type BeforeRefusal, errorBody, Refusals } from './refusals';

export interface AdmissionOptions {
  /**
   * GraphQL requests executed at once at most; more would only queue inside Node and the driver's
   * pool.
   */
  readonly maxConcurrent: number;
  /**
   * The 90th-percentile service time the limit is moved to keep (see LatencyLimit); 0: always
   * maxConcurrent.
   */
  readonly latencyTargetMs?: number;
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
  /** How many may run at once now, as latency has moved it. */
  readonly limit: number;
}

export interface GateOptions {
  readonly beforeRefusal?: BeforeRefusal;
  /**
   * An error every GraphQL request is refused with at once, before any work and without a slot
   * (Neo4j known to be down).
   */
  readonly refuseAll?: () => AppError | undefined;
}

interface Waiting {
  readonly res: ServerResponse;
  readonly run: () => void;
  readonly timer: NodeJS.Timeout;
}

/**
 * Under a flood (more than FLOOD_PER_SECOND sheds in a second) a shed request is answered after
 * a pause of SHED_PAUSE_MS (Refusals.refuseAfter). A client that sends again as soon
 * as it is refused then sends one request a second per connection instead of dozens: measured
 * with 1,000 such connections (test/overload.test.ts), the flood's own parsing and refusals, not
 * the admitted work, were what made admitted searches slow (p99 2.2 s at the service; 0.5 s with
 * the pause). A client that honours Retry-After loses nothing.
 */
const FLOOD_PER_SECOND = 64;
const SHED_PAUSE_MS = 1_000;

/** How often, and how long at most, the answer to a request whose client left is waited for. */
const ABANDONED_POLL_MS = 50;
const ABANDONED_MAX_MS = 60_000;

/**
 * Calls `done` once the handler has ended `res` (Node emits no event for that once the socket is
 * gone).
 */
function whenAnswered(res: ServerResponse, done: () => void): void {
  const gaveUpAt = Date.now() + ABANDONED_MAX_MS;
  const check = () => {
    if (res.writableEnded || Date.now() > gaveUpAt) done();
    else setTimeout(check, ABANDONED_POLL_MS).unref();
  };
  check();
}

/** Where the review desk uploads a report (intake.router.ts). */
export const UPLOAD_PATH = '/review/reports';

export const isGraphQL = (url = ''): boolean =>
  url === '/graphql' || url.startsWith('/graphql?') || url.startsWith('/graphql/');

/**
 * Admission control for /graphql: at most `maxConcurrent` requests execute (fewer while their
 * latency is over its target: LatencyLimit), a short queue absorbs
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

  private readonly limit: LatencyLimit;
  /** Sheds in the current second, and when it began. */
  private recent = { count: 0, since: 0 };

  constructor(private readonly options: AdmissionOptions) {
    this.overloaded = new OverloadedError(options.retryAfterSeconds);
    this.body = errorBody(this.overloaded);
    const max = options.maxConcurrent;
    this.limit = new LatencyLimit({
      max,
      min: Math.min(2, max),
      targetMs: options.latencyTargetMs ?? 0,
    });
  }

  get stats(): AdmissionStats {
    return {
      inFlight: this.inFlight,
      queued: this.queue.length,
      admitted: this.admittedCount,
      shed: this.shedCount,
      peakInFlight: this.peak,
      limit: this.limit.current,
    };
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
      if (refusal)
        return this.refusals.refuse(req, res, refusal, errorBody(refusal), beforeRefusal);
      if (this.inFlight < this.limit.current) return this.admit(res, run);
      if (this.queue.length < this.options.maxQueued && this.options.queueTimeoutMs > 0)
        return this.enqueue(req, res, run, beforeRefusal);
      this.shed(req, res, beforeRefusal);
    };
  }

  private admit(res: ServerResponse, run: () => void): void {
    this.inFlight += 1;
    this.admittedCount += 1;
    this.peak = Math.max(this.peak, this.inFlight);
    this.limit.admitted(this.inFlight);
    const started = performance.now();
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      this.inFlight -= 1;
      this.limit.completed(performance.now() - started);
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

  private enqueue(
    req: IncomingMessage,
    res: ServerResponse,
    run: () => void,
    beforeRefusal?: BeforeRefusal,
  ): void {
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
    while (this.inFlight < this.limit.current && this.queue.length > 0) {
      const entry = this.queue.shift()!;
      clearTimeout(entry.timer);
      this.admit(entry.res, entry.run);
    }
  }

  private shed(req: IncomingMessage, res: ServerResponse, beforeRefusal?: BeforeRefusal): void {
    this.shedCount += 1;
    const now = performance.now();
    if (now - this.recent.since >= 1_000) this.recent = { count: 0, since: now };
    this.recent.count += 1;
    if (this.recent.count <= FLOOD_PER_SECOND)
      this.refusals.refuse(req, res, this.overloaded, this.body, beforeRefusal);
    else
      this.refusals.refuseAfter(SHED_PAUSE_MS, req, res, this.overloaded, this.body, beforeRefusal);
  }
}
