import { randomBytes } from 'node:crypto';
import autocannon from 'autocannon';

/**
 * A load run in its own process (so the load generator does not share the server's event loop):
 * `node -r ts-node/register/transpile-only test/support/load-client.ts '<json LoadSpec>'`.
 * Prints one JSON line, a LoadReport: counts and latencies per HTTP status and the error codes
 * the bodies carried.
 */
export interface LoadSpec {
  readonly url: string;
  readonly body: string;
  readonly connections: number;
  readonly durationSeconds: number;
  /**
   * Read every body for its error codes (costs the client CPU, so latencies read a little higher).
   */
  readonly inspectBodies?: boolean;
  /** Sent with every request (X-Forwarded-For, a real token). */
  readonly headers?: Record<string, string>;
  /**
   * A real key id: every request carries it with a new random secret, as a guessing attacker's
   * would.
   */
  readonly guessSecretsFor?: string;
  /**
   * A word in `body` that every request replaces with new random Han characters (an uncached search
   * each time).
   */
  readonly randomText?: string;
}

export interface Latencies {
  readonly count: number;
  /** Answers that took longer than a second. */
  readonly overOneSecond: number;
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
  readonly max: number;
}

export interface LoadReport {
  readonly requests: number;
  readonly byStatus: Record<string, Latencies>;
  /**
   * The same without each connection's first answer: autocannon starts that clock before the TCP
   * connection is made, so it also measures setting up 1,000 connections at once.
   */
  readonly byStatusConnected: Record<string, Latencies>;
  /** extensions.code of every error in the bodies, counted. */
  readonly codes: Record<string, number>;
  /** Shed answers (503) that came without Retry-After. */
  readonly shedWithoutRetryAfter: number;
  readonly socketErrors: number;
  readonly timeouts: number;
  readonly seconds: number;
}

export function latencies(values: number[]): Latencies {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) =>
    Math.round((sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0) * 10) / 10;
  return {
    count: sorted.length,
    overOneSecond: sorted.filter((v) => v > 1_000).length,
    p50: at(0.5),
    p90: at(0.9),
    p99: at(0.99),
    max: Math.round((sorted[sorted.length - 1] ?? 0) * 10) / 10,
  };
}

function record(into: Map<number, number[]>, status: number, ms: number): void {
  const list = into.get(status) ?? [];
  list.push(ms);
  into.set(status, list);
}

/** Each request with `zk_<id>_<a new random secret>`. */
const guessing =
  (keyId: string) =>
  (request: autocannon.Request): autocannon.Request => ({
    ...request,
    headers: {
      ...request.headers,
      authorization: `Bearer zk_${keyId}_${randomBytes(32).toString('base64url')}`,
    },
  });

/** Two or three random characters of the common Han block, so each search is new work for Neo4j. */
const randomHan = (): string =>
  Array.from({ length: 2 + Math.floor(Math.random() * 2) }, () =>
    String.fromCodePoint(0x4e00 + Math.floor(Math.random() * 0x5000)),
  ).join('');

const varying =
  (word: string, body: string) =>
  (request: autocannon.Request): autocannon.Request => ({
    ...request,
    body: body.replaceAll(word, randomHan()),
  });

async function run(spec: LoadSpec): Promise<LoadReport> {
  const times = new Map<number, number[]>();
  const connectedTimes = new Map<number, number[]>();
  const answered = new WeakSet<object>();
  const codes: Record<string, number> = {};
  let shedWithoutRetryAfter = 0;
  const onResponse = (
    status: number,
    body: string,
    _context: object,
    headers?: Record<string, string | string[] | undefined>,
  ) => {
    for (const [, code] of body.matchAll(/"code":"([A-Z_]+)"/g))
      codes[code!] = (codes[code!] ?? 0) + 1;
    if (status === 503 && !headers?.['retry-after']) shedWithoutRetryAfter += 1;
  };
  let instance: autocannon.Instance | undefined;
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    instance = autocannon(
      {
        url: spec.url,
        connections: spec.connections,
        duration: spec.durationSeconds,
        timeout: 30,
        requests: [
          {
            method: 'POST',
            headers: { 'content-type': 'application/json', ...spec.headers },
            body: spec.body,
            ...(spec.inspectBodies === false ? {} : { onResponse }),
            ...(spec.guessSecretsFor ? { setupRequest: guessing(spec.guessSecretsFor) } : {}),
            ...(spec.randomText ? { setupRequest: varying(spec.randomText, spec.body) } : {}),
          },
        ],
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
  });
  instance!.on('response', (client: object, status: number, _bytes: number, ms: number) => {
    record(times, status, ms);
    if (answered.has(client)) record(connectedTimes, status, ms);
    answered.add(client);
  });
  const result = await done;
  const byStatus = Object.fromEntries(
    [...times].map(([status, values]) => [String(status), latencies(values)]),
  );
  const byStatusConnected = Object.fromEntries(
    [...connectedTimes].map(([status, values]) => [String(status), latencies(values)]),
  );
  return {
    requests: result.requests.total,
    byStatus,
    byStatusConnected,
    codes,
    shedWithoutRetryAfter,
    socketErrors: result.errors,
    timeouts: result.timeouts,
    seconds: result.duration,
  };
}

if (require.main === module) {
  run(JSON.parse(process.argv[2]!) as LoadSpec).then(
    (report) => process.stdout.write(`${JSON.stringify(report)}\n`),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
