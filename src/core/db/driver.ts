import neo4j, { type Driver } from 'neo4j-driver';
import type { Config } from '../config';

/**
 * The API's driver. Retry and connection timeouts are short on purpose: the driver's defaults
 * (30 s of retries) would hold a public request that long while the database is down.
 */
export function createDriver(settings: Config['neo4j'], uri: string): Driver {
  return neo4j.driver(uri, neo4j.auth.basic(settings.username, settings.password), {
    maxTransactionRetryTime: settings.maxRetryMs,
    connectionTimeout: settings.connectionTimeoutMs,
    connectionAcquisitionTimeout: settings.acquisitionTimeoutMs,
    // Sized with MAX_CONCURRENT_REQUESTS: admission control keeps requests from queuing here.
    maxConnectionPoolSize: settings.maxPoolSize,
    userAgent: 'zhili/0.1',
  });
}
