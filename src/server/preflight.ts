import net from 'node:net';
import type { Config } from '../core/config';
import { devInstance } from '../core/db/local-instances';
import { localStatus } from '../core/db/local-neo4j';

export class PreflightError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Cannot start:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'PreflightError';
  }
}

/**
 * Why `port` on `host` cannot be bound, or undefined when it can (it is released again at once).
 * `name` is the setting the port comes from (PORT, METRICS_PORT); its host setting is named alike.
 */
export function portProblem(
  port: number,
  host: string,
  name = 'PORT',
): Promise<string | undefined> {
  const hostName = name.replace(/PORT$/, 'HOST');
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE')
        resolve(
          `${name} ${port} on ${host} is already in use; stop what holds it or set ${name} to a free port`,
        );
      else if (error.code === 'EACCES')
        resolve(
          `${name} ${port} on ${host} may not be bound by this user; choose a port above 1023`,
        );
      else if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND')
        resolve(`${hostName} ${host} is not an address of this machine`);
      else resolve(`${name} ${port} on ${host} cannot be bound: ${error.message}`);
    });
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(undefined)));
  });
}

/**
 * What can be checked before anything is started: the HTTP ports are free and, with the local
 * Neo4j, its Bolt port is free or held by our own instance. A start that would fail at `listen`
 * after a minute of Neo4j start-up and seeding fails here at once, every problem named.
 */
export async function preflight(config: Config): Promise<void> {
  const problems: string[] = [];
  const http = await portProblem(config.http.port, config.http.host);
  if (http) problems.push(http);
  const { metrics } = config;
  const metricsPort =
    metrics.port > 0 && (await portProblem(metrics.port, metrics.host, 'METRICS_PORT'));
  if (metricsPort) problems.push(metricsPort);
  if (!config.neo4j.uri) {
    const local = devInstance(config);
    const status = await localStatus(local);
    if (!status.running && status.pid === undefined) {
      const bolt = await portProblem(local.port, local.host ?? '127.0.0.1');
      if (bolt)
        problems.push(
          `LOCAL_NEO4J_PORT ${local.port} is taken by another program; set LOCAL_NEO4J_PORT to a free port (or NEO4J_URI to use that server)`,
        );
    }
  }
  if (problems.length > 0) throw new PreflightError(problems);
}
