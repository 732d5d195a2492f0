import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControl } from '@apollo/server/plugin/cacheControl';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import responseCachePlugin from '@apollo/server-plugin-response-cache';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { GraphQLSchema } from 'graphql';
import type { Config } from '../core/config';
import type { Context } from '../core/context';
import type { Executor } from '../core/db/executor';
import { formatError } from '../core/error-format';
import { createLogger, type Logger } from '../core/logger';
import { UPLOAD_PATH } from './admission';
import { BOOKMARK_HEADER, bookmarksPlugin, parseBookmarks } from './bookmarks';
import { createContext } from './context';
import { type CorsPolicy, corsPolicy } from './cors';
import { etagPlugin, notModified } from './etag';
import { exportRouter } from './export.router';
import { healthRouter } from './health.router';
import { BODY_LIMIT_BYTES, createHttpServer, jsonErrorHandler, jsonNotFound } from './http-edge';
import { graphqlHttpStatusPlugin } from './http-status.plugin';
import { intakeRouter } from './intake.router';
import { armorProtections, costLimitPlugin, parseOptions } from './query-limits';
import type { BeforeRefusal } from './refusals';
import { anonymousOnly, privateAnswersPlugin, type RequestAuth, requestAuth } from './request-auth';
import { assignRequestId, requestIdOf, requestLogPlugin } from './request-log.plugin';
import { createResilience, type Resilience } from './resilience';
import { responseCacheKey, revisionKeyData } from './response-cache';
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
  /** Drains HTTP (in-flight requests finish) and stops Apollo. Leaves the driver open. */
  stop(): Promise<void>;
}

export interface AppOptions {
  /** Where logs go; by default a logger at the configured level on stdout. */
  readonly log?: Logger;
  /** The built web front end (dist/web by default). */
  readonly webDir?: string;
}

/**
 * Apollo over our schema. Stack traces only with DEBUG_ERRORS, in every environment. GET may run
 * queries, so portals and CDNs can cache them, hashed (automatic persisted queries) or not:
 * Apollo's CSRF check is off because it would refuse exactly those plain GETs, and it guards
 * nothing here — no cookies are used, GET never runs a mutation (405) and a POST must be JSON,
 * which a cross-site form cannot send.
 */
function apolloServer(
  config: Config,
  schema: GraphQLSchema,
  first: ApolloServerPlugin<Context>[],
  executor: Executor,
): ApolloServer<Context> {
  const armor = armorProtections();
  return new ApolloServer<Context>({
    schema,
    validationRules: armor.validationRules,
    parseOptions,
    introspection: true, // a public research API: schema discovery is a feature
    includeStacktraceInErrorResponses: config.debugErrors,
    formatError: (formatted, error) => formatError(formatted, error, config.debugErrors),
    csrfPrevention: false,
    // Hashes registered by portals stay until the bounded in-memory cache evicts them.
    persistedQueries: { ttl: null },
    plugins: [
      ...first,
      graphqlHttpStatusPlugin(),
      ...armor.plugins,
      costLimitPlugin(schema),
      privateAnswersPlugin(),
      bookmarksPlugin(),
      etagPlugin(executor),
      // The graph changes through reviewed proposals: portals and CDNs may reuse an answer for
      // max-age; this server's cache keys answers by the graph's revision (shared by every
      // process).
      ApolloServerPluginCacheControl({ defaultMaxAge: config.http.cacheSeconds }),
      ...(config.http.cacheSeconds > 0
        ? [
            responseCachePlugin({
              shouldReadFromCache: anonymousOnly,
              shouldWriteToCache: anonymousOnly,
              generateCacheKey: responseCacheKey(schema),
              extraCacheKeyData: revisionKeyData(executor),
            }),
          ]
        : []),
    ],
  });
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
  const auth = requestAuth(config, resilience.executor, log);
  const corsFirst: BeforeRefusal = (req, res, next) =>
    cors.middleware(req as express.Request, res as express.Response, next);
  // Credentials are checked before admission: a flood of bad tokens takes no slot from public
  // reads.
  const httpServer = createHttpServer(
    auth.gate(resilience.gate(app, corsFirst), corsFirst),
    config.http.timeouts,
  );
  const schema = await getSchema();
  const apollo = apolloServer(
    config,
    schema,
    [ApolloServerPluginDrainHttpServer({ httpServer }), requestLogPlugin(log), cors.plugin],
    resilience.executor,
  );
  await apollo.start();

  mountRoutes(app, { config, log, resilience, auth, cors, apollo, webDir: options.webDir });

  return {
    httpServer,
    apollo,
    log,
    resilience,
    listen: (port = config.http.port, host = config.http.host) => listen(httpServer, port, host),
    stop: () => apollo.stop().finally(() => resilience.stop()),
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
  readonly webDir?: string;
}

/** Health, the web front end, /graphql and /export, then JSON answers for everything else. */
function mountRoutes(app: express.Express, r: RouteParts): void {
  const { config, log, resilience, auth, cors, apollo } = r;
  app.disable('x-powered-by');
  app.set('trust proxy', config.auth.trustProxy);
  app.use(healthRouter(resilience.breaker));
  // The explorer, the widget, and the IDE for a browser's GET of /graphql: ahead of Apollo, which
  // answers the rest.
  app.use(webRouter({ webDir: r.webDir }));
  app.use(
    '/graphql',
    assignRequestId,
    cors.middleware,
    express.json({ limit: BODY_LIMIT_BYTES }),
    notModified(resilience.executor),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const { user, clientAddress } = auth.callerOf(req);
        return createContext(
          resilience.executor,
          requestIdOf(req.headers['x-request-id']),
          log,
          user,
          clientAddress,
          parseBookmarks(req.headers[BOOKMARK_HEADER]),
        );
      },
    }),
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
