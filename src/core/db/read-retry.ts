import { isRetryableError } from 'neo4j-driver';

/** How an auto-commit read is tried again: the driver retries only managed transactions. */
export interface RetryPolicy {
  /** No retry starts after this long (NEO4J_MAX_RETRY_MS, the managed transactions' bound). */
  readonly maxMs: number;
  /** The first pause; each next one doubles, with ±20% jitter so replicas do not retry in step. */
  readonly firstDelayMs?: number;
  /** Checked before each retry: true gives up at once (the breaker opened). */
  readonly stop?: () => boolean;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * `work` until it succeeds, fails with an error the driver calls permanent (a syntax error, a
 * constraint, a timeout the server imposed), or the policy's time runs out: then its last error.
 * Transient errors are those neo4j-driver's own managed transactions retry (`isRetryableError`:
 * unavailable or expired sessions, transient server errors).
 */
export async function retried<T>(
  work: () => Promise<T>,
  policy: RetryPolicy,
  retriable: (error: unknown) => boolean = isRetryableError,
): Promise<T> {
  const started = Date.now();
  let delay = policy.firstDelayMs ?? 200;
  for (;;) {
    try {
      return await work();
    } catch (error) {
      const pause = delay * (0.8 + Math.random() * 0.4);
      const late = Date.now() - started + pause > policy.maxMs;
      if (!retriable(error) || late || policy.stop?.()) throw error;
      await sleep(pause);
      if (policy.stop?.()) throw error;
      delay *= 2;
    }
  }
}
