import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import responseCachePlugin from '@apollo/server-plugin-response-cache';
import type { GraphQLSchema } from 'graphql';
import type { Config } from '../core/config';
import type { Context } from '../core/context';
import type { Executor } from '../core/db/executor';
import { formatError } from '../core/error-format';
import type { Logger } from '../core/logger';
import type { SharedRedis } from '../core/redis';
import { bookmarksPlugin } from './bookmarks';
import { cachePolicyPlugin } from './cache-policy.plugin';
import { etagPlugin } from './etag';
import { graphqlHttpStatusPlugin } from './http-status.plugin';
import type { Metrics } from './metrics';
import { armorProtections, costLimitPlugin, parseOptions } from './query-limits';
import { anonymousOnly, privateAnswersPlugin } from './request-auth';
import { cacheReadable, responseCacheKey, revisionKeyData } from './response-cache';
import { apolloCache, persistedQueryTtl } from './shared-cache';

/**
 * Apollo over our schema. Stack traces only with DEBUG_ERRORS, in every environment. GET may run
 * queries, so portals and CDNs can cache them, hashed (automatic persisted queries) or not:
 * Apollo's CSRF check is off because it would refuse exactly those plain GETs, and it guards
 * nothing here — no cookies are used, GET never runs a mutation (405) and a POST must be JSON,
 * which a cross-site form cannot send.
 */
export function apolloServer(
  config: Config,
  schema: GraphQLSchema,
  first: ApolloServerPlugin<Context>[],
  executor: Executor,
  shared: { redis?: SharedRedis; log: Logger },
  metrics: Metrics,
): ApolloServer<Context> {
  const armor = armorProtections();
  // Answers and registered hashes: in Redis, shared by the processes, when one is configured.
  const cache = apolloCache(shared.redis, shared.log);
  return new ApolloServer<Context>({
    cache,
    schema,
    validationRules: armor.validationRules,
    parseOptions,
    introspection: true, // a public research API: schema discovery is a feature
    includeStacktraceInErrorResponses: config.debugErrors,
    formatError: (formatted, error) => formatError(formatted, error, config.debugErrors),
    csrfPrevention: false,
    persistedQueries: { ttl: persistedQueryTtl(shared.redis) },
    plugins: [
      metrics.plugin,
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
      cachePolicyPlugin(config.http.cacheSeconds),
      ApolloServerPluginCacheControlDisabled(),
      ...(config.http.cacheSeconds > 0
        ? [
            responseCachePlugin({
              // The same store, its lookups counted (zhili_response_cache_total).
              cache: metrics.countingCache(cache),
              shouldReadFromCache: cacheReadable,
              shouldWriteToCache: anonymousOnly,
              generateCacheKey: responseCacheKey(schema),
              extraCacheKeyData: revisionKeyData(executor),
            }),
          ]
        : []),
    ],
  });
}
