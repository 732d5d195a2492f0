import { DatabaseUnavailableError } from '../errors';
import { isDatabaseUnavailable } from './driver-errors';

/**
 * One check that Neo4j answers (a real round trip); rejects with the driver's error when it does
 * not.
 */
export type Probe = () => Promise<void>;

export interface BreakerOptions {
  /**
   * How often Neo4j is probed in the background: how soon an outage is seen, and how soon the end
   * of one.
   */
  readonly probeIntervalMs: number;
  /** A probe with no answer by then counts as a failed readiness check. */
  readonly probeTimeoutMs: number;
  /** Told when the breaker opens (Neo4j unreachable) or closes (it answers again). */
  readonly onChange?: (open: boolean, reason?: string) => void;
}

export interface ProbeResult {
  readonly up: boolean;
  readonly ms: number;
  readonly reason?: string;
}

/**
 * A circuit breaker in front of Neo4j. While it is open every database call fails at once with
 * DATABASE_UNAVAILABLE (503, Retry-After) instead of waiting out the driver's retries (~3 s per
 * request); a background probe closes it as soon as Neo4j answers again, so no restart is needed.
 *
 * It opens only on a failure that means the database is unavailable (driver-errors.ts's one rule),
 * seen by a probe (readiness) or by the executor.
 * A slow answer or an exhausted pool is overload, not an outage: opening on those would turn a
 * busy database into an unavailable one.
 */
export class CircuitBreaker {
  private openReason: string | undefined;
  private inFlight: Promise<ProbeResult> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private readonly openListeners = new Set<() => void>();

  constructor(
    private readonly probe: Probe,
    private readonly options: BreakerOptions,
  ) {}

  get isOpen(): boolean {
    return this.openReason !== undefined;
  }

  /** Seconds a client should wait before trying again: about one probe interval. */
  get retryAfterSeconds(): number {
    return Math.max(1, Math.ceil(this.options.probeIntervalMs / 1000));
  }

  /** The error a request gets while the breaker is open. */
  unavailable(cause?: unknown): DatabaseUnavailableError {
    return new DatabaseUnavailableError(cause, this.retryAfterSeconds);
  }

  /** Calls `listener` once, when the breaker next opens; returns what stops listening. */
  onOpen(listener: () => void): () => void {
    this.openListeners.add(listener);
    return () => this.openListeners.delete(listener);
  }

  /** Starts background probing. Timers are unref'd: they never keep a process alive. */
  start(): this {
    this.stopped = false;
    this.schedule(this.options.probeIntervalMs);
    return this;
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  /**
   * The database found unavailable elsewhere (the executor): open now, and probe at once to
   * confirm.
   */
  trip(cause: unknown): void {
    this.setOpen(describe(cause));
    if (!this.stopped) this.schedule(0);
  }

  /**
   * Probes Neo4j now (readiness) and records the outcome. Callers at the same time share one
   * probe, so a burst of readiness checks costs one round trip.
   */
  check(): Promise<ProbeResult> {
    this.inFlight ??= this.runProbe().finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  private async runProbe(): Promise<ProbeResult> {
    const started = performance.now();
    const ms = () => Math.round(performance.now() - started);
    try {
      await withTimeout(this.probe(), this.options.probeTimeoutMs);
      this.setOpen(undefined);
      return { up: true, ms: ms() };
    } catch (error) {
      const reason = describe(error);
      // A probe that times out, or waits for a pooled connection, says the database is busy: it
      // fails readiness but leaves the breaker as it is.
      if (isDatabaseUnavailable(error)) this.setOpen(reason);
      return { up: false, ms: ms(), reason };
    }
  }

  private setOpen(reason: string | undefined): void {
    const wasOpen = this.isOpen;
    this.openReason = reason;
    if (wasOpen === this.isOpen) return;
    this.options.onChange?.(this.isOpen, reason);
    if (this.isOpen) {
      const listeners = [...this.openListeners];
      this.openListeners.clear();
      for (const listener of listeners) listener();
    }
  }

  private schedule(delayMs: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      void this.check().finally(() => {
        if (!this.stopped) this.schedule(this.options.probeIntervalMs);
      });
    }, delayMs);
    this.timer.unref();
  }
}

class ProbeTimeout extends Error {}

function describe(error: unknown): string {
  return error instanceof Error ? error.message.split('\n')[0]!.slice(0, 300) : String(error);
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ProbeTimeout(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * A read still waiting out its retries when the breaker opens (Neo4j went down while it ran)
 * fails then, not seconds later; the retries stop at their next check. Writes are left to
 * finish: one may yet commit, and its caller must learn whether it did.
 */
export function untilOpens<T>(breaker: CircuitBreaker | undefined, work: Promise<T>): Promise<T> {
  if (!breaker) return work;
  let stopListening = () => {};
  const opened = new Promise<never>((_, reject) => {
    stopListening = breaker.onOpen(() => reject(breaker.unavailable()));
  });
  return Promise.race([work, opened]).finally(() => stopListening());
}
