import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControl } from '@apollo/server/plugin/cacheControl';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import responseCachePlugin from '@apollo/server-plugin-response-cache';
import { expressMiddleware } from '@as-integrations/express5';
import cors from 'cors';
import express from 'express';
import type { Config } from '../core/config';
import type { Context } from '../core/context';
import type { Executor } from '../core/db/executor';
import { formatError } from '../core/errors';
import { createLogger, type Logger } from '../core/logger';
import { createContext } from './context';
import { healthRouter } from './health.router';
import { armorProtections, costLimitPlugin } from './query-limits';
import { requestLogPlugin } from './request-log.plugin';
import { getSchema } from './schema';

/** A client's x-request-id is kept when it is a plain token, so it cannot forge log lines. */
const requestIdOf = (header: unknown): string => (typeof header === 'string' && /^[\w.:-]{1,64}$/.test(header) ? header : randomUUID());

/** Largest accepted request body: a GraphQL document and its variables, never bulk data. */
const BODY_LIMIT = '100kb';

export interface App {
  readonly httpServer: http.Server;
  readonly apollo: ApolloServer<Context>;
  readonly log: Logger;
  /** Starts listening; resolves with the bound URL of /graphql. */
  listen(port?: number, host?: string): Promise<string>;
  /** Drains HTTP (in-flight requests finish) and stops Apollo. Leaves the driver open. */
  stop(): Promise<void>;
}

export interface AppOptions {
  /** Where logs go; by default a logger at the configured level on stdout. */
  readonly log?: Logger;
}

export async function createApp(config: Config, executor: Executor, options: AppOptions = {}): Promise<App> {
  const app = express();
  const httpServer = http.createServer(app);
  const production = config.env === 'production';
  const log = options.log ?? createLogger({ level: config.logLevel });
  const schema = await getSchema();
  const armor = armorProtections();
  const apollo = new ApolloServer<Context>({
    schema,
    validationRules: armor.validationRules,
    introspection: true, // a public research API: schema discovery is a feature
    includeStacktraceInErrorResponses: !production,
    formatError: (formatted, error) => formatError(formatted, error, production),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      requestLogPlugin(),
      ...armor.plugins,
      costLimitPlugin(schema),
      // Seeded data changes only on reload: portals, CDNs and this server may reuse answers.
      ApolloServerPluginCacheControl({ defaultMaxAge: config.http.cacheSeconds }),
      ...(config.http.cacheSeconds > 0 ? [responseCachePlugin()] : []),
    ],
  });
  await apollo.start();

  app.disable('x-powered-by');
  app.use(healthRouter(executor.driver, config.neo4j.database));
  app.use(
    '/graphql',
    cors(),
    express.json({ limit: BODY_LIMIT }),
    expressMiddleware(apollo, {
      context: async ({ req }) => createContext(executor, requestIdOf(req.headers['x-request-id']), log),
    }),
  );

  return {
    httpServer,
    apollo,
    log,
    listen: (port = config.http.port, host = config.http.host) =>
      new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => {
          const { port: bound } = httpServer.address() as AddressInfo;
          resolve(`http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${bound}/graphql`);
        });
      }),
    stop: () => apollo.stop(),
  };
}
