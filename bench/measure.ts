import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { PROJECT_ROOT } from '../src/core/config';

export interface Measured {
  readonly requests: number;
  readonly errors: number;
  readonly lastError: string | null;
  readonly rps: number;
  readonly p50: number | null;
  readonly p95: number | null;
  readonly p99: number | null;
}

export type Target =
  | { kind: 'http'; target: { url: string; body: unknown } }
  | {
      kind: 'bolt';
      target: { uri: string; password: string; cypher: string; params: Record<string, unknown> };
    };

/** Runs one load in a worker thread: `connections` loops back to back for `seconds`. */
export function measure(load: Target, seconds: number, connections: number): Promise<Measured> {
  return new Promise((resolve, reject) => {
    // Plain JavaScript beside the sources, so it runs the same from bench/ (ts-node) and
    // dist/bench/ (compiled).
    const worker = new Worker(path.join(PROJECT_ROOT, 'bench', 'runner.worker.js'), {
      workerData: { ...load, seconds, connections },
    });
    worker.once('message', (m: Measured & { error?: string }) =>
      m.error ? reject(new Error(m.error)) : resolve(m),
    );
    worker.once('error', reject);
  });
}

/** Median of a list of numbers (null when empty). */
export function median(xs: ReadonlyArray<number | null>): number | null {
  const v = xs.filter((x): x is number => x !== null).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? v[mid]! : (v[mid - 1]! + v[mid]!) / 2;
}
