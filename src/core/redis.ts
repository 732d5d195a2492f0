import { createClient } from '@redis/client';
import type { Logger } from './logger';

/** The client type this project uses (node-redis v5, without modules). */
export type RedisClient = ReturnType<typeof newClient>;

/**
 * Redis shared by the API processes: one client for commands and one for the revision channel
 * (a subscribed connection takes no other commands).
 */
export interface SharedRedis {
  readonly client: RedisClient;
  readonly subscriber: RedisClient;
  close(): Promise<void>;
}

/** How long a connection attempt may take before the process goes on without Redis for now. */
const CONNECT_TIMEOUT_MS = 2_000;
/** A command with no answer by then fails (the caller falls back), rather than holding a request. */
const COMMAND_TIMEOUT_MS = 1_000;
/** Errors of a Redis that stays down are logged once per interval, not on every retry. */
const ERROR_LOG_INTERVAL_MS = 10_000;

function newClient(url: string) {
  return createClient({
    url,
    // Commands fail at once while disconnected instead of queueing behind a request: caches
    // miss, limits fall back to this process's insurance limiter.
    disableOfflineQueue: true,
    socket: {
      connectTimeout: CONNECT_TIMEOUT_MS,
      reconnectStrategy: (retries: number) => Math.min(100 * 2 ** retries, 2_000),
    },
  });
}

function clientFor(url: string, role: string, log: Logger): RedisClient {
  const client = newClient(url);
  let loggedAt = 0;
  client.on('error', (err: unknown) => {
    const now = Date.now();
    if (now - loggedAt < ERROR_LOG_INTERVAL_MS) return;
    loggedAt = now;
    log.warn({ err, role }, 'Redis unreachable: shared caches miss, limits count in this process');
  });
  client.on('ready', () => {
    if (loggedAt > 0) log.info({ role }, 'Redis answers again');
    loggedAt = 0;
  });
  return client;
}

/**
 * Connects to REDIS_URL. A Redis that does not answer at start-up is not fatal: the clients keep
 * reconnecting and, until they do, every use of them falls back to this process's own state.
 */
export async function connectRedis(url: string, log: Logger): Promise<SharedRedis> {
  const client = clientFor(url, 'commands', log);
  const subscriber = clientFor(url, 'subscriber', log);
  // connect() keeps retrying a Redis that is down; start-up waits for it only so long.
  const connect = (c: RedisClient) =>
    withTimeout(c.connect(), CONNECT_TIMEOUT_MS * 2).then(
      () => true,
      (err: unknown) => {
        log.warn({ err }, 'Redis did not answer at start-up: going on, reconnecting');
        return false;
      },
    );
  await Promise.all([connect(client), connect(subscriber)]);
  return {
    client,
    subscriber,
    close: async () => {
      await Promise.all(
        [client, subscriber].map((c) => (c.isOpen ? c.close() : Promise.resolve()).catch(() => {})),
      );
    },
  };
}

/** `work` against Redis, failing after COMMAND_TIMEOUT_MS: a stalled Redis never holds a request. */
export const withinCommandTimeout = <T>(work: Promise<T>): Promise<T> =>
  withTimeout(work, COMMAND_TIMEOUT_MS);

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Redis did not answer in ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
