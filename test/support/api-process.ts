import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/core/config';
import { freePort } from './ports';

/**
 * An API process of its own (`npm start`'s entry point, src/main.ts), as a replica runs: its
 * output kept, its URL known once it says it is ready.
 */
export interface ApiProcess {
  readonly name: string;
  readonly url: string;
  readonly base: string;
  /** Everything it printed so far. */
  output(): string;
  /** The `msg` of every JSON log line so far. */
  messages(): string[];
  /** Resolves once it logged its ready line; rejects if it exits first. */
  ready(timeoutMs?: number): Promise<void>;
  /** Resolves with its exit code. */
  exited(): Promise<number | null>;
  /** SIGTERM, then its exit code. */
  stop(): Promise<number | null>;
}

const READY = 'Zhili GraphQL API ready';

/**
 * `npm start`'s entry point (src/main.ts, through ts-node) with exactly `env`, plus what finds
 * Java and ts-node's project.
 */
export function spawnMain(env: Record<string, string>): ChildProcessWithoutNullStreams {
  const inherited = Object.fromEntries(
    ['PATH', 'HOME', 'JAVA_HOME', 'ZHILI_JAVA'].flatMap((k) =>
      process.env[k] ? [[k, process.env[k]!]] : [],
    ),
  );
  return spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', path.join('src', 'main.ts')],
    {
      cwd: PROJECT_ROOT,
      env: { ...inherited, TS_NODE_PROJECT: path.join(PROJECT_ROOT, 'tsconfig.json'), ...env },
    },
  );
}

export async function startApiProcess(
  name: string,
  env: Record<string, string>,
): Promise<ApiProcess> {
  const port = await freePort();
  const child = spawnMain({ NODE_ENV: 'test', LOG_LEVEL: 'info', PORT: String(port), ...env });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const messages = () =>
    output
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => {
        try {
          return String((JSON.parse(l) as { msg?: unknown }).msg ?? '');
        } catch {
          return l;
        }
      });
  const base = `http://127.0.0.1:${port}`;
  return {
    name,
    url: `${base}/graphql`,
    base,
    output: () => output,
    messages,
    ready: (timeoutMs = 240_000) =>
      new Promise<void>((resolve, reject) => {
        const started = Date.now();
        const check = setInterval(() => {
          if (output.includes(READY)) {
            clearInterval(check);
            resolve();
          } else if (child.exitCode !== null || Date.now() - started > timeoutMs) {
            clearInterval(check);
            reject(new Error(`${name} did not start (exit ${child.exitCode}):\n${output}`));
          }
        }, 100);
      }),
    exited: () => exit,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exit;
    },
  };
}
