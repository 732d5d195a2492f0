import { Router } from 'express';
import type { CircuitBreaker } from '../core/db/breaker';

/**
 * /health/live: the process serves HTTP. /health/ready: Neo4j answers now, and the process is not
 * shutting down (from SIGTERM on it is 503, so a load balancer stops sending it requests while
 * the ones it has finish). Each readiness check is a probe of the circuit breaker, so it also
 * opens or closes the breaker; the driver's pool reconnects by itself, so readiness comes back
 * when the database does, without a restart.
 */
export function healthRouter(
  breaker: CircuitBreaker,
  shuttingDown: () => boolean = () => false,
): Router {
  const router = Router();
  router.get('/health/live', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/health/ready', async (_req, res) => {
    if (shuttingDown()) {
      res.status(503).set('cache-control', 'no-store').json({ status: 'shutting-down' });
      return;
    }
    const probe = await breaker.check();
    res.set('cache-control', 'no-store');
    if (probe.up) res.json({ status: 'ready', neo4j: 'up', ms: probe.ms });
    else
      res
        .status(503)
        .set('retry-after', String(breaker.retryAfterSeconds))
        .json({
          status: 'unavailable',
          neo4j: 'down',
          reason: probe.reason,
          breaker: breaker.isOpen ? 'open' : 'closed',
        });
  });
  return router;
}
