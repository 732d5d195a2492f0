import type { Driver } from 'neo4j-driver';
import { z } from 'zod';
import type { DecodedQuery, Executor } from './executor';

/**
 * The graph's revision, one counter on a `GraphState` node. Every write of facts (import, seed,
 * region renaming, the editors' publish and retract) runs this in its own transaction, so state
 * derived from the graph and kept between requests (the pilots' similarity index, the response
 * cache) can tell, with one cheap read, that it is stale. It answers the new revision.
 */
export const bumpRevisionQuery = (): DecodedQuery<{ revision: number }> => ({
  cypher:
    "MERGE (s:GraphState {key: 'graph'}) SET s.revision = coalesce(s.revision, 0) + 1 RETURN " +
    's.revision AS revision',
  row: z.object({ revision: z.number() }),
});

/** The graph's revision now; null before the first write. */
export const revisionQuery = (): DecodedQuery<{ revision: number | null }> => ({
  cypher: "OPTIONAL MATCH (s:GraphState {key: 'graph'}) RETURN s.revision AS revision",
  row: z.object({ revision: z.number().nullable() }),
});

/** The graph's revision read now, from the graph (0 before the first write). */
export const readRevision = async (executor: Executor): Promise<number> =>
  (await executor.read(revisionQuery(), 'graph-revision'))[0]?.revision ?? 0;

/**
 * How long a process trusts the revision it last read, by default (REVISION_POLL_MS). Several API
 * processes share one graph, so a write made by another shows here within this; reading it costs
 * a round trip, so at most once a second rather than once per request.
 */
export const REVISION_TTL_MS = 1000;

/**
 * The graph's revision as this process knows it: read at most once per `ttlMs` (concurrent
 * callers share the read), and raised at once by a write this process committed. Pure apart from
 * `read`, so its caching is tested without a database.
 */
export class RevisionClock {
  private known: number | null = null;
  private checkedAt = 0;
  private pending: Promise<number> | null = null;
  private raises = 0;

  constructor(
    private readonly read: () => Promise<number>,
    private readonly now: () => number = Date.now,
    private readonly ttlMs = REVISION_TTL_MS,
  ) {}

  current(): Promise<number> {
    if (this.known !== null && this.now() - this.checkedAt < this.ttlMs)
      return Promise.resolve(this.known);
    this.pending ??= this.refresh().finally(() => {
      this.pending = null;
    });
    return this.pending;
  }

  /** A write this process committed, answering `revision`: known now, without a read. */
  raise(revision: number): void {
    this.raises += 1;
    // Two writes may report out of order; the higher revision is the later one.
    this.known = Math.max(this.known ?? revision, revision);
    this.checkedAt = this.now();
  }

  private async refresh(): Promise<number> {
    const raises = this.raises;
    let known: number;
    try {
      const read = await this.read();
      // A write raised while the read ran is newer than what the read saw. Otherwise the read is
      // the truth, even when lower than known (a graph emptied and loaded again).
      known = this.raises === raises ? read : (this.known ?? read);
    } catch (error) {
      // Neo4j unreachable: keep the last revision known and try again after the interval.
      if (this.known === null) throw error;
      known = this.known;
    }
    this.known = known;
    this.checkedAt = this.now();
    return known;
  }
}

/** One clock per database (driver), as the similarity index is kept. */
const clocks = new WeakMap<Driver, RevisionClock>();

/**
 * This process's clock of the executor's graph, made on first use (with `ttlMs`: the server makes
 * it first, with REVISION_POLL_MS); it reads through `executor`.
 */
export function revisionClock(executor: Executor, ttlMs = REVISION_TTL_MS): RevisionClock {
  let clock = clocks.get(executor.driver);
  if (!clock) {
    clock = new RevisionClock(() => readRevision(executor), Date.now, ttlMs);
    clocks.set(executor.driver, clock);
  }
  return clock;
}

type RevisionListener = (revision: number, bookmarks: readonly string[]) => void;
/** Who else hears of this process's writes (the Redis broadcast), per database. */
const listeners = new WeakMap<Driver, Set<RevisionListener>>();

/** Calls `listener` on every write this process notes; answers the function that stops it. */
export function onRevisionNoted(executor: Executor, listener: RevisionListener): () => void {
  let set = listeners.get(executor.driver);
  if (!set) listeners.set(executor.driver, (set = new Set()));
  set.add(listener);
  return () => set.delete(listener);
}

/**
 * A write committed by `executor` moved the graph to `revision`: the clock knows it at once and
 * listeners hear of it with the write's bookmarks. Without a clock nothing in this process keys
 * answers by the revision, so there is nothing to raise.
 */
export function noteRevision(executor: Executor, revision: number): void {
  clocks.get(executor.driver)?.raise(revision);
  for (const listener of listeners.get(executor.driver) ?? [])
    listener(revision, executor.writtenBookmarks);
}
