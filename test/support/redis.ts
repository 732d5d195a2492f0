import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/core/config';

/**
 * The test suite's own Redis (Debian's redis-server), started like its Neo4j: own port and
 * folder, nothing saved to disk, stopped by the run that started it.
 */
export const TEST_REDIS_PORT = Number(process.env.TEST_REDIS_PORT ?? 6390);
export const testRedisUrl = (): string => `redis://127.0.0.1:${TEST_REDIS_PORT}`;

const dir = path.join(PROJECT_ROOT, '.redis', 'test');
const pidFile = path.join(dir, 'redis.pid');

/** Whether a Redis answers PING on `port` now. */
export function redisAnswers(port = TEST_REDIS_PORT): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let reply = '';
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1_000, () => done(false));
    socket.on('error', () => done(false));
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      reply += chunk.toString();
      if (reply.includes('\r\n')) done(reply.startsWith('+PONG'));
    });
  });
}

/** Starts it unless one already answers on the port; says whether this call started it. */
export async function startTestRedis(): Promise<boolean> {
  if (await redisAnswers()) return false;
  mkdirSync(dir, { recursive: true });
  try {
    execFileSync('redis-server', [
      '--port', String(TEST_REDIS_PORT),
      '--bind', '127.0.0.1',
      '--dir', dir,
      '--save', '',
      '--appendonly', 'no',
      '--daemonize', 'yes',
      '--pidfile', pidFile,
      '--logfile', path.join(dir, 'redis.log'),
    ]); // prettier-ignore
  } catch (error) {
    throw new Error(
      `The integration tests need Redis: install Debian's redis-server (${(error as Error).message})`,
    );
  }
  for (let i = 0; i < 100; i++) {
    if (await redisAnswers()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`redis-server did not answer on port ${TEST_REDIS_PORT} within 10 s`);
}

/** Stops the Redis this run started. */
export async function stopTestRedis(): Promise<void> {
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').trim());
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    // already gone
  }
  for (let i = 0; i < 50 && (await redisAnswers()); i++)
    await new Promise((r) => setTimeout(r, 100));
  rmSync(pidFile, { force: true });
}
