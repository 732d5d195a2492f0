import type { RequestListener } from 'node:http';
import type { Config } from '../core/config';
import { CircuitBreaker } from '../core/db/breaker';
import type { Executor } from '../core/db/executor';
import type { Logger } from '../core/logger';
import { Admission } from './admission';
import type { BeforeRefusal } from './refusals';

/**
 * A readiness probe with no answer by then fails (a connection attempt alone may take
 * NEO4J_CONNECTION_TIMEOUT_MS).
 */
const PROBE_TIMEOUT_MS = 3_000;

/** Retry-After of a shed request: a second is long enough for the in-flight work to finish. */
const OVERLOAD_RETRY_AFTER_SECONDS = 1;

/**
 * Shed requests are not logged one by one (a flood would flood the log too): one line per interval
 * says how many.
 */
const SHED_LOG_INTERVAL_MS = 10_000;

/** What keeps the service answering quickly through an outage or a load spike. */
export interface Resilience {
  readonly breaker: CircuitBreaker;
  readonly admission: Admission;
  /** The request executor, behind the breaker. */
  readonly executor: Executor;
  /**
   * The HTTP server's listener in front of `handler`: while Neo4j is known to be down every
   * GraphQL request gets 503 DATABASE_UNAVAILABLE at once; otherwise admission control.
   */
  gate(handler: RequestListener, beforeRefusal?: BeforeRefusal): RequestListener;
  stop(): void;
}

/**
 * The circuit breaker in front of Neo4j (probed in the background, fed by readiness and by the
 * executor's connection failures) and admission control for /graphql, from configuration.
 */
export function createResilience(config: Config, executor: Executor, log: Logger): Resilience {
  const database = config.neo4j.database;
  const breaker = new CircuitBreaker(
    async () => void (await executor.driver.verifyConnectivity({ database })),
    {
      probeIntervalMs: config.neo4j.probeIntervalMs,
      probeTimeoutMs: PROBE_TIMEOUT_MS,
      onChange: (open, reason) => {
        if (open)
          log.warn(
            { reason },
            'Neo4j unreachable: requests fail fast with DATABASE_UNAVAILABLE until it answers ' +
              'again',
          );
        else log.info('Neo4j answers again: requests go through');
      },
    },
  ).start();
  const admission = new Admission({
    ...config.admission,
    retryAfterSeconds: OVERLOAD_RETRY_AFTER_SECONDS,
  });
  const shedLog = logShedding(admission, log);
  return {
    breaker,
    admission,
    executor: executor.guardedBy(breaker),
    gate: (handler, beforeRefusal) =>
      admission.gate(handler, {
        beforeRefusal,
        refuseAll: () => (breaker.isOpen ? breaker.unavailable() : undefined),
      }),
    stop: () => {
      breaker.stop();
      clearInterval(shedLog);
    },
  };
}

function logShedding(admission: Admission, log: Logger): NodeJS.Timeout {
  let last = admission.stats;
  const timer = setInterval(() => {
    const now = admission.stats;
    const shed = now.shed - last.shed;
    if (shed > 0)
      log.warn(
        {
          shed,
          admitted: now.admitted - last.admitted,
          inFlight: now.inFlight,
          queued: now.queued,
        },
        `overloaded: ${shed} requests shed with 503 in the last ${SHED_LOG_INTERVAL_MS / 1000} s`,
      );
    last = now;
  }, SHED_LOG_INTERVAL_MS);
  timer.unref();
  return timer;
}
