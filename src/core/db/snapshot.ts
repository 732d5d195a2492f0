import type { Executor } from './executor';
import { readRevision } from './revision';

/** A long read and the graph's revision it was read at. */
export interface AtRevision<T> {
  readonly value: T;
  readonly revision: number;
  /** False when the graph kept changing through every attempt (the value may mix revisions). */
  readonly consistent: boolean;
}

/**
 * A read of many statements as of one revision. Neo4j reads committed data statement by
 * statement, so a long read (an export, the similarity index) can straddle a write; every write
 * of facts bumps the graph's revision (revision.ts), so a read with the same revision before and
 * after it saw no write in between. Otherwise it is read again, up to `attempts` times.
 */
export async function atOneRevision<T>(
  executor: Executor,
  read: () => Promise<T>,
  attempts = 3,
): Promise<AtRevision<T>> {
  const made = await unchangedAcross(() => readRevision(executor), read, attempts);
  return { value: made.value, revision: made.mark, consistent: made.consistent };
}

/**
 * `read` between two equal readings of `mark` (what changes with every write), tried up to
 * `attempts` times; labelled with the mark read before it, so never newer than its data.
 */
export async function unchangedAcross<T, M>(
  mark: () => Promise<M>,
  read: () => Promise<T>,
  attempts: number,
): Promise<{ value: T; mark: M; consistent: boolean }> {
  for (let attempt = 1; ; attempt += 1) {
    const before = await mark();
    const value = await read();
    const after = await mark();
    if (before === after || attempt >= attempts)
      return { value, mark: before, consistent: before === after };
  }
}

/**
 * A streamed read, which cannot be read again once sent: the revision before it, and a check
 * after it that fails when a write came in between (the caller's output is then incomplete).
 */
export async function revisionGuard(
  executor: Executor,
): Promise<{ readonly revision: number; changed(): Promise<number | null> }> {
  const revision = await readRevision(executor);
  return {
    revision,
    changed: async () => {
      const now = await readRevision(executor);
      return now === revision ? null : now;
    },
  };
}
