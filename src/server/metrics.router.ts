import { createHash, timingSafeEqual } from 'node:crypto';
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Router } from 'express';
import type { Registry } from 'prom-client';
import type { Config } from '../core/config';
import { ErrorCode, UnauthenticatedError } from '../core/errors';
import { createHttpServer } from './http-edge';
import { errorBody } from './refusals';

export const METRICS_PATH = '/metrics';

/**
 * Whether an Authorization header carries `Bearer <token>`. Both sides are hashed first, so the
 * comparison takes the same time whatever the header holds, its length included.
 */
export function bearerMatches(header: string | undefined, token: string): boolean {
  const given = /^Bearer +(\S+) *$/i.exec(header ?? '')?.[1];
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  const same = timingSafeEqual(digest(given ?? ''), digest(token));
  return same && given !== undefined;
}

/** A scrape, never kept by a cache or a proxy: each must see the counters as they are now. */
async function sendMetrics(registry: Registry, res: http.ServerResponse): Promise<void> {
  const text = await registry.metrics();
  res.writeHead(200, {
    'content-type': registry.contentType,
    'cache-control': 'no-store',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

function sendError(res: http.ServerResponse, status: number, body: Buffer): void {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'content-length': body.length,
    ...(status === 401 ? { 'www-authenticate': 'Bearer realm="metrics"' } : {}),
  });
  res.end(body);
}

/** An error in the API's JSON shape, so a misdirected client reads it like any other. */
const jsonError = (message: string, code: ErrorCode) =>
  Buffer.from(JSON.stringify({ errors: [{ message, extensions: { code } }] }));

/**
 * GET /metrics on the public port, for a bearer of METRICS_TOKEN; without a token configured
 * nothing is mounted and the path stays a 404 like any other.
 */
export function metricsRouter(registry: Registry, token: string | undefined): Router {
  const router = Router();
  if (!token) return router;
  const refused = errorBody(
    new UnauthenticatedError(`GET ${METRICS_PATH} needs the metrics bearer token`),
  );
  router.get(METRICS_PATH, (req, res, next) => {
    if (!bearerMatches(req.headers.authorization, token)) return sendError(res, 401, refused);
    sendMetrics(registry, res).catch(next);
  });
  return router;
}

/**
 * The metrics listener (METRICS_PORT): GET /metrics and nothing else, with no token, for a
 * Prometheus on the internal network. Plain Node HTTP: none of the API's middleware applies.
 */
export function metricsServer(registry: Registry, config: Config): http.Server {
  return createHttpServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    const only = `this port serves only GET ${METRICS_PATH}`;
    if (path !== METRICS_PATH)
      return sendError(
        res,
        404,
        jsonError(`Nothing at ${path.slice(0, 100)}: ${only}`, ErrorCode.NOT_FOUND),
      );
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('allow', 'GET, HEAD');
      return sendError(res, 405, jsonError(`Method not allowed: ${only}`, ErrorCode.BAD_REQUEST));
    }
    sendMetrics(registry, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  }, config.http.timeouts);
}

/** Starts `server` on the metrics port; resolves with the URL of /metrics. */
export function listenMetrics(server: http.Server, config: Config): Promise<string> {
  const { port, host } = config.metrics;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const { port: bound } = server.address() as AddressInfo;
      resolve(`http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${bound}${METRICS_PATH}`);
    });
  });
}

/** Stops the metrics listener, closing its keep-alive connections (a scraper holds one). */
export function closeMetrics(server: http.Server): Promise<void> {
  if (!server.listening) return Promise.resolve();
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
