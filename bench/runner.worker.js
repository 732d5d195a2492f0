'use strict';
/**
 * Load from a worker thread (its own event loop, so the servers' loop is not the client's):
 * `connections` loops send requests back to back for `seconds`, every latency is kept, and the
 * exact percentiles are returned. Plain JavaScript, so the worker needs no TypeScript loader.
 */
const http = require('node:http');
const { parentPort, workerData } = require('node:worker_threads');
const neo4j = require('neo4j-driver');

async function run({ kind, seconds, connections, target }) {
  let send;
  let close = async () => undefined;
  if (kind === 'http') {
    const url = new URL(target.url);
    const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
    const body = JSON.stringify(target.body);
    send = () =>
      new Promise((resolve, reject) => {
        const req = http.request(
          {
            host: url.hostname,
            port: url.port,
            path: url.pathname,
            method: 'POST',
            agent,
            headers: {
              'content-type': 'application/json',
              'content-length': Buffer.byteLength(body),
            },
          },
          (res) => {
            let text = '';
            res.setEncoding('utf8');
            res.on('data', (c) => (text += c));
            res.on('end', () =>
              res.statusCode === 200 && !text.includes('"errors"')
                ? resolve()
                : reject(new Error(`HTTP ${res.statusCode}: ${text.slice(0, 200)}`)),
            );
          },
        );
        req.on('error', reject);
        req.end(body);
      });
    close = async () => agent.destroy();
  } else {
    const driver = neo4j.driver(target.uri, neo4j.auth.basic('neo4j', target.password), {
      maxConnectionPoolSize: connections + 2,
    });
    const params = Object.fromEntries(
      Object.entries(target.params).map(([k, v]) => [k, Number.isInteger(v) ? neo4j.int(v) : v]),
    );
    send = async () => {
      const session = driver.session({ database: 'neo4j', defaultAccessMode: neo4j.session.READ });
      try {
        // Auto-commit, as Zhili's executor reads: BEGIN and COMMIT would add a round trip.
        await session.run(target.cypher, params);
      } finally {
        await session.close();
      }
    };
    close = () => driver.close();
  }
  const latencies = [];
  let errors = 0;
  let lastError = null;
  const until = performance.now() + seconds * 1000;
  const loop = async () => {
    while (performance.now() < until) {
      const t0 = performance.now();
      try {
        await send();
        latencies.push(performance.now() - t0);
      } catch (e) {
        errors += 1;
        lastError = String(e && e.message ? e.message : e);
      }
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: connections }, loop));
  const elapsed = (performance.now() - started) / 1000;
  await close();
  latencies.sort((a, b) => a - b);
  const at = (p) =>
    latencies.length
      ? latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]
      : null;
  return {
    requests: latencies.length,
    errors,
    lastError,
    rps: latencies.length / elapsed,
    p50: at(50),
    p95: at(95),
    p99: at(99),
  };
}

run(workerData).then(
  (r) => parentPort.postMessage(r),
  (e) => parentPort.postMessage({ error: String(e) }),
);
