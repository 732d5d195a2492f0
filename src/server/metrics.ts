import type http from 'node:http';
import type { ApolloServerPlugin } from '@apollo/server';
import { type KeyValueCache, PrefixingKeyValueCache } from '@apollo/utils.keyvaluecache';
import type { Router } from 'express';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Config } from '../core/config';
import type { Context } from '../core/context';
import { observeExecutors } from '../core/db/executor-observer';
import { requestMetricsPlugin } from './metrics.plugin';
import { closeMetrics, listenMetrics, metricsRouter, metricsServer } from './metrics.router';
import type { Resilience } from './resilience';

export type CacheResult = 'hit' | 'miss';

/**
 * Prometheus metrics of one app, in a registry of its own (a process may hold several apps, as
 * the tests do). Off unless METRICS_PORT or METRICS_TOKEN asks for them: then nothing is counted
 * and the plugin and the cache are passed through as they are.
 */
export interface Metrics {
  readonly enabled: boolean;
  readonly registry: Registry;
  /** Counts and times GraphQL requests; first among the plugins, so it sees every answer. */
  readonly plugin: ApolloServerPlugin<Context>;
  /** `cache`, with its get() hits and misses counted: give it the response cache's store. */
  countingCache(cache: KeyValueCache<string>): KeyValueCache<string>;
  /** GET /metrics on the public port, for METRICS_TOKEN's bearer (empty without a token). */
  readonly router: Router;
  /** Starts the metrics listener if METRICS_PORT is set; resolves with its URL. */
  listen(): Promise<string | undefined>;
  /** Stops the listener and the counting of Bolt work. */
  stop(): Promise<void>;
}

/** Seconds; GraphQL answers range from a cached lookup (~1 ms) to a national ranking (seconds). */
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * Wraps a KeyValueCache so that each get() counts as a hit (a value came back) or a miss. A
 * cache that needs no key prefix (PrefixingKeyValueCache's marker) keeps that property.
 */
export function countCacheLookups(
  cache: KeyValueCache<string>,
  count: (result: CacheResult) => void,
): KeyValueCache<string> {
  const counted: KeyValueCache<string> = {
    get: async (key) => {
      const value = await cache.get(key);
      count(value === undefined ? 'miss' : 'hit');
      return value;
    },
    set: (key, value, options) => cache.set(key, value, options),
    delete: (key) => cache.delete(key),
  };
  return PrefixingKeyValueCache.prefixesAreUnnecessaryForIsolation(cache)
    ? PrefixingKeyValueCache.cacheDangerouslyDoesNotNeedPrefixesForIsolation(counted)
    : counted;
}

export function createMetrics(config: Config, resilience: Resilience): Metrics {
  const registry = new Registry();
  const router = metricsRouter(registry, config.metrics.token);
  if (config.metrics.port === 0 && !config.metrics.token)
    return {
      enabled: false,
      registry,
      plugin: {},
      countingCache: (cache) => cache,
      router,
      listen: async () => undefined,
      stop: async () => undefined,
    };
  collectDefaultMetrics({ register: registry, prefix: 'zhili_' });
  const cacheLookups = new Counter({
    name: 'zhili_response_cache_total',
    help: 'Lookups of the GraphQL response cache, by result',
    labelNames: ['result'] as const,
    registers: [registry],
  });
  for (const result of ['hit', 'miss'] as const) cacheLookups.inc({ result }, 0);
  resilienceGauges(registry, resilience, config);
  const stopObserving = boltMetrics(registry);
  let server: http.Server | undefined;
  return {
    enabled: true,
    registry,
    plugin: requestMetricsPlugin(requestMetrics(registry)),
    countingCache: (cache) => countCacheLookups(cache, (result) => cacheLookups.inc({ result })),
    router,
    listen: async () => {
      if (config.metrics.port === 0 || server) return undefined;
      server = metricsServer(registry, config);
      return listenMetrics(server, config);
    },
    stop: async () => {
      stopObserving();
      if (server) await closeMetrics(server);
    },
  };
}

function requestMetrics(registry: Registry) {
  const labelNames = ['operation', 'code'] as const;
  return {
    requests: new Counter({
      name: 'zhili_graphql_requests_total',
      help: 'GraphQL requests answered, by operation name and code (OK or the first error code)',
      labelNames,
      registers: [registry],
    }),
    duration: new Histogram({
      name: 'zhili_graphql_request_duration_seconds',
      help: 'Time from the start of a GraphQL request to its answer, by operation and code',
      labelNames,
      buckets: DURATION_BUCKETS,
      registers: [registry],
    }),
  };
}

/** Read when scraped (collect), so nothing polls the breaker or admission in between. */
function resilienceGauges(registry: Registry, resilience: Resilience, config: Config): void {
  const { breaker, admission } = resilience;
  const registers = [registry];
  new Gauge({
    name: 'zhili_breaker_open',
    help: '1 while the circuit breaker knows Neo4j is down (requests fail fast), else 0',
    registers,
    collect() {
      this.set(breaker.isOpen ? 1 : 0);
    },
  });
  new Gauge({
    name: 'zhili_admission_in_flight',
    help: 'GraphQL requests executing now',
    registers,
    collect() {
      this.set(admission.stats.inFlight);
    },
  });
  new Gauge({
    name: 'zhili_admission_queued',
    help: 'GraphQL requests waiting for a slot now',
    registers,
    collect() {
      this.set(admission.stats.queued);
    },
  });
  let shedSeen = 0;
  new Counter({
    name: 'zhili_admission_shed_total',
    help: 'GraphQL requests refused with 503 OVERLOADED by admission control',
    registers,
    collect() {
      const shed = admission.stats.shed;
      this.inc(Math.max(0, shed - shedSeen));
      shedSeen = shed;
    },
  });
  new Gauge({
    name: 'zhili_neo4j_pool_max',
    help: 'Connections the driver may open to Neo4j (NEO4J_MAX_POOL_SIZE)',
    registers,
  }).set(config.neo4j.maxPoolSize);
}

/** Bolt transactions and open sessions of every executor, from the executors' observer hook. */
function boltMetrics(registry: Registry): () => void {
  const transactions = new Counter({
    name: 'zhili_bolt_transactions_total',
    help: 'Managed Bolt transactions the executors ran, by access mode and outcome',
    labelNames: ['mode', 'outcome'] as const,
    registers: [registry],
  });
  for (const mode of ['READ', 'WRITE'] as const)
    for (const outcome of ['ok', 'error'] as const) transactions.inc({ mode, outcome }, 0);
  let open = 0;
  new Gauge({
    name: 'zhili_neo4j_sessions_open',
    help: 'Neo4j sessions the executors hold open now',
    registers: [registry],
    collect() {
      this.set(open);
    },
  });
  return observeExecutors({
    transaction: (mode, outcome) => transactions.inc({ mode, outcome }),
    sessions: (count) => {
      open = count;
    },
  });
}
