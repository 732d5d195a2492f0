export interface LatencyLimitOptions {
  /** The ceiling: never more at once than this (MAX_CONCURRENT_REQUESTS). */
  readonly max: number;
  /** The floor: even a slow database gets this many at once. */
  readonly min: number;
  /**
   * The service time admitted requests should keep to, at the 90th percentile; 0 keeps the limit at
   * `max`.
   */
  readonly targetMs: number;
  /** Completions a window needs before the limit moves. */
  readonly windowSize?: number;
}

/**
 * How many requests may run at once, moved by their latency (additive increase, multiplicative
 * decrease, as TCP's congestion window): after each window of completions, a 90th percentile
 * over the target cuts the limit by a quarter; under it, and with the limit reached during the
 * window, the limit grows by one. A fixed count admits as many expensive requests as cheap ones
 * and lets them queue inside Node and Neo4j; this admits what the machine answers in time, for
 * any mix of operations.
 */
export class LatencyLimit {
  private value: number;
  private window: number[] = [];
  private reached = false;
  private readonly windowSize: number;

  constructor(private readonly options: LatencyLimitOptions) {
    this.value = options.max;
    this.windowSize = options.windowSize ?? 20;
  }

  get current(): number {
    return this.value;
  }

  /** Notes that a request was admitted with `inFlight` running (itself included). */
  admitted(inFlight: number): void {
    if (inFlight >= this.value) this.reached = true;
  }

  /** Notes how long an admitted request ran. */
  completed(ms: number): void {
    if (this.options.targetMs <= 0) return;
    this.window.push(ms);
    if (this.window.length < this.windowSize) return;
    const sorted = this.window.sort((a, b) => a - b);
    const p90 = sorted[Math.floor(0.9 * (sorted.length - 1))]!;
    if (p90 > this.options.targetMs)
      this.value = Math.max(this.options.min, Math.floor(this.value * 0.75));
    else if (this.reached) this.value = Math.min(this.options.max, this.value + 1);
    this.window = [];
    this.reached = false;
  }
}
