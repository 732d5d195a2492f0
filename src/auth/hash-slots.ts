import { OverloadedError } from '../core/errors';

export interface HashSlotOptions {
  /**
   * Hashes computed at once. Each scrypt takes a core for ~40 ms: on two cores, one leaves the
   * other to requests.
   */
  readonly concurrent: number;
  /** Hashes that may wait for a slot; more are refused at once. */
  readonly queued: number;
  /** The longest a hash waits before it is refused. */
  readonly waitMs: number;
}

interface Waiter {
  readonly start: () => void;
  readonly timer: NodeJS.Timeout;
}

/**
 * Where scrypt runs: a few at a time, a short queue, and 503 OVERLOADED (Retry-After 1) beyond.
 * scrypt runs on libuv's pool, off the event loop, but on a two-core machine four at once take
 * both cores from the requests; bounded here, verifying keys can use one core at most.
 */
export class HashSlots {
  private running = 0;
  private readonly waiting: Waiter[] = [];

  constructor(private readonly options: HashSlotOptions) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      return await work();
    } finally {
      this.running -= 1;
      this.waiting.shift()?.start();
    }
  }

  private acquire(): Promise<void> {
    if (this.running < this.options.concurrent) {
      this.running += 1;
      return Promise.resolve();
    }
    if (this.waiting.length >= this.options.queued) return Promise.reject(new OverloadedError(1));
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        start: () => {
          clearTimeout(waiter.timer);
          this.running += 1;
          resolve();
        },
        timer: setTimeout(() => {
          this.waiting.splice(this.waiting.indexOf(waiter), 1);
          reject(new OverloadedError(1));
        }, this.options.waitMs),
      };
      this.waiting.push(waiter);
    });
  }
}
