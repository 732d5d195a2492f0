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
import type { Config } from '../config/config';
import type { Executor } from '../db/executor';
import { formatError } from '../errors/errors';
import { healthRouter } from '../health/health.router';
import { getSchema } from '../schema/build-schema';
import { createContext, type Context } from './context';
import { armorProtections, costLimitPlugin } from './query-limits';

/** Largest accepted request body: a GraphQL document and its variables, never bulk data. */
const BODY_LIMIT = '100kb';

export interface App {
  readonly httpServer: http.Server;
  readonly apollo: ApolloServer<Context>;
  /** Starts listening; resolves with the bound URL of /graphql. */
  listen(port?: number, host?: string): Promise<string>;
  /** Drains HTTP (in-flight requests finish) and stops Apollo. Leaves the driver open. */
  stop(): Promise<void>;
}

export async function createApp(config: Config, executor: Executor): Promise<App> {
  const app = express();
  const httpServer = http.createServer(app);
  const production = config.env === 'production';
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
      context: async ({ req }) => createContext(executor, String(req.headers['x-request-id'] ?? randomUUID())),
    }),
  );

  return {
    httpServer,
    apollo,
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
