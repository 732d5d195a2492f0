import { Router } from 'express';
import type { Driver } from 'neo4j-driver';

const READY_TIMEOUT_MS = 3_000;

/**
 * /health/live: the process serves HTTP. /health/ready: Neo4j answers now. The driver's pool
 * reconnects by itself, so readiness comes back when the database does, without a restart.
 */
export function healthRouter(driver: Driver, database: string): Router {
  const router = Router();
  router.get('/health/live', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/health/ready', async (_req, res) => {
    const started = Date.now();
    try {
      await withTimeout(driver.verifyConnectivity({ database }), READY_TIMEOUT_MS);
      res.json({ status: 'ready', neo4j: 'up', ms: Date.now() - started });
    } catch (error) {
      res.status(503).json({ status: 'unavailable', neo4j: 'down', reason: (error as Error).message });
    }
  });
  return router;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
