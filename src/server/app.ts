import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { Config } from '../core/config';
import type { Context } from '../core/context';
import type { Executor } from '../core/db/executor';
import { revisionClock } from '../core/db/revision';
import { broadcastRevisions } from '../core/db/revision-broadcast';
import { createLogger, type Logger } from '../core/logger';
import type { SharedRedis } from '../core/redis';
import { UPLOAD_PATH } from './admission';
import { apolloServer } from './apollo-server';
import { BOOKMARK_HEADER, parseBookmarks } from './bookmarks';
import { createContext } from './context';
import { type CorsPolicy, corsPolicy } from './cors';
import { notModified } from './etag';
import { exportRouter } from './export.router';
import { graphqlPost } from './graphql-post';
import { healthRouter } from './health.router';
import { BODY_LIMIT_BYTES, createHttpServer, jsonErrorHandler, jsonNotFound } from './http-edge';
import { intakeRouter } from './intake.router';
import { createMetrics, type Metrics } from './metrics';
import type { BeforeRefusal } from './refusals';
import { type RequestAuth, requestAuth } from './request-auth';
import { assignRequestId, requestIdOf, requestLogPlugin } from './request-log.plugin';
import { createResilience, type Resilience } from './resilience';
import { getSchema } from './schema';
import { webRouter } from './web.router';

export interface App {
  readonly httpServer: http.Server;
  readonly apollo: ApolloServer<Context>;
  readonly log: Logger;
  /** The circuit breaker in front of Neo4j and admission control of /graphql. */
  readonly resilience: Resilience;
  /** Starts listening; resolves with the bound URL of /graphql. */
  listen(port?: number, host?: string): Promise<string>;
  /** From now on readiness answers 503 (the process is going away); requests are still served. */
  beginShutdown(): void;
  /** Drains HTTP (in-flight requests finish) and stops Apollo. Leaves the driver open. */
  stop(): Promise<void>;
}

export interface AppOptions {
  /** Where logs go; by default a logger at the configured level on stdout. */
  readonly log?: Logger;
  /** The built web front end (dist/web by default). */
  readonly webDir?: string;
  /** A Redis shared by every API process (REDIS_URL): caches, write limits, revisions. */
  readonly redis?: SharedRedis;
}

export async function createApp(
  config: Config,
  executor: Executor,
  options: AppOptions = {},
): Promise<App> {
  const app = express();
  const log = options.log ?? createLogger({ level: config.logLevel });
  const cors = corsPolicy(config);
  // Admission and the breaker's refusals run in front of Express (a refusal must be cheap); their
  // 503s carry the CORS headers.
  const resilience = createResilience(config, executor, log);
  // The clock every revision-keyed part of this process shares, polling as configured.
  revisionClock(executor, config.revisionPollMs);
  const metrics = createMetrics(config, resilience);
  const auth = requestAuth(config, resilience.executor, log, options.redis);
  const corsFirst: BeforeRefusal = (req, res, next) =>
    cors.middleware(req as express.Request, res as express.Response, next);
  // Credentials are checked before admission: a flood of bad tokens takes no slot from public
  // reads.
  // Behind the gates: Express, then, once Apollo has started, the JSON POST path in front of it.
  let inner: http.RequestListener = app;
  const gated = auth.gate(
    resilience.gate((req, res) => inner(req, res), corsFirst),
    corsFirst,
  );
  const httpServer = createHttpServer(gated, config.http.timeouts);
  const schema = await getSchema();
  const apollo = apolloServer(
    config,
    schema,
    [ApolloServerPluginDrainHttpServer({ httpServer }), requestLogPlugin(log), cors.plugin],
    resilience.executor,
    { redis: options.redis, log },
    metrics,
  );
  await apollo.start();
  const stopBroadcast = options.redis
    ? await broadcastRevisions(resilience.executor, options.redis, log)
    : async () => {};

  // With METRICS_TOKEN, GET /metrics for its bearer; without, nothing (the path stays a 404).
  app.use(metrics.router);
  const shutdown = { began: false };
  const context = contextOf(resilience.executor, auth, log);
  const routes = { config, log, resilience, cors, apollo, context, webDir: options.webDir };
  mountRoutes(app, { ...routes, auth, shuttingDown: () => shutdown.began });
  // JSON POSTs to /graphql skip Express (graphql-post.ts); everything else is Express's.
  inner = graphqlPost({ apollo, cors: corsFirst, context, log }, app);
  const parts = { config, httpServer, apollo, log, resilience, metrics, stopBroadcast, shutdown };
  return handleOf(parts);
}

/** The App createApp answers: listening (the metrics port too) and stopping what it started. */
function handleOf(p: {
  config: Config;
  httpServer: http.Server;
  apollo: ApolloServer<Context>;
  log: Logger;
  resilience: Resilience;
  metrics: Metrics;
  stopBroadcast: () => Promise<void>;
  shutdown: { began: boolean };
}): App {
  const { config, httpServer, apollo, log, resilience, metrics } = p;
  return {
    httpServer,
    apollo,
    log,
    resilience,
    listen: async (port = config.http.port, host = config.http.host) => {
      const url = await listen(httpServer, port, host);
      const metricsUrl = await metrics.listen();
      if (metricsUrl) log.info(`Metrics: ${metricsUrl}`);
      return url;
    },
    beginShutdown: () => void (p.shutdown.began = true),
    stop: () =>
      apollo
        .stop()
        .finally(() => resilience.stop())
        .finally(p.stopBroadcast)
        .finally(() => metrics.stop()),
  };
}

/** What the routes are made of: the app's parts, built by createApp. */
interface RouteParts {
  readonly config: Config;
  readonly log: Logger;
  readonly resilience: Resilience;
  readonly auth: RequestAuth;
  readonly cors: CorsPolicy;
  readonly apollo: ApolloServer<Context>;
  readonly context: (req: http.IncomingMessage) => Promise<Context>;
  readonly webDir?: string;
  readonly shuttingDown: () => boolean;
}

/** A request's context: its caller (authenticated by the gate), request id and bookmarks. */
function contextOf(
  executor: Executor,
  auth: RequestAuth,
  log: Logger,
): (req: http.IncomingMessage) => Promise<Context> {
  return async (req) => {
    const { user, clientAddress } = auth.callerOf(req);
    return createContext(
      executor,
      requestIdOf(req.headers['x-request-id']),
      log,
      user,
      clientAddress,
      parseBookmarks(req.headers[BOOKMARK_HEADER]),
    );
  };
}

/** Health, the web front end, /graphql and /export, then JSON answers for everything else. */
function mountRoutes(app: express.Express, r: RouteParts): void {
  const { config, log, resilience, auth, cors, apollo } = r;
  app.disable('x-powered-by');
  app.set('trust proxy', config.auth.trustProxy);
  app.use(healthRouter(resilience.breaker, r.shuttingDown));
  // The explorer, the widget, and the IDE for a browser's GET of /graphql: ahead of Apollo, which
  // answers the rest.
  app.use(webRouter({ webDir: r.webDir }));
  app.use(
    '/graphql',
    assignRequestId,
    cors.middleware,
    express.json({ limit: BODY_LIMIT_BYTES }),
    notModified(resilience.executor),
    expressMiddleware(apollo, { context: ({ req }) => r.context(req) }),
  );
  app.use('/export', cors.middleware, exportRouter(resilience.executor, config.http.cacheSeconds));
  app.use(
    UPLOAD_PATH,
    assignRequestId,
    cors.middleware,
    intakeRouter({
      executor: resilience.executor,
      auth,
      maxBytes: config.http.uploadMaxBytes,
      log,
    }),
  );
  // Last: other paths, and whatever failed before Apollo (a body that is not JSON, too large),
  // answered as JSON.
  app.use(jsonNotFound, jsonErrorHandler(log));
}

/** Starts listening; resolves with the bound URL of /graphql. */
function listen(httpServer: http.Server, port: number, host: string): Promise<string> {
  return new Promise((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(port, host, () => {
      const { port: bound } = httpServer.address() as AddressInfo;
      resolve(`http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${bound}/graphql`);
    });
  });
}
