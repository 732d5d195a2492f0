import type { Driver } from 'neo4j-driver';
import type { Executor } from '../core/db/executor';
import { unchangedAcross } from '../core/db/snapshot';
import {
  countyUnitsQuery,
  type GraphFingerprint,
  graphFingerprintQuery,
  practiceFeaturesQuery,
} from './pilots.repository';
import { SimilarityIndex } from './similarity-index';

/** An index and the fingerprint of the graph it was read from. */
interface Built {
  readonly fingerprint: string;
  readonly index: SimilarityIndex;
}

/**
 * One index per database (driver), shared by requests; rebuilt when the graph's fingerprint
 * changes.
 */
const held = new WeakMap<Driver, Promise<Built>>();
const ATTEMPTS = 3;

const key = (f: GraphFingerprint) => JSON.stringify([f.revision, f.counts]);

/**
 * Answers from the similarity index, optimistically: `answer` ranks with the index held now and
 * returns the one statement that loads the winners together with the graph's fingerprint. When
 * the fingerprint is the index's, the answer stands (one round trip); otherwise the index is
 * rebuilt and the answer made again, so an answer never comes from a stale index. A rebuild reads
 * every practice's features (seconds at national scale) and is shared by the requests waiting on
 * it.
 */
export async function answerFromIndex<T>(
  executor: Executor,
  answer: (index: SimilarityIndex) => Promise<{ seen: GraphFingerprint; result: () => T }>,
): Promise<T> {
  let current = held.get(executor.driver) ?? rebuild(executor);
  for (let attempt = 1; ; attempt += 1) {
    const built = await current;
    const made = await answer(built.index);
    // A graph still changing after a few rebuilds: the last index is as current as any.
    if (key(made.seen) === built.fingerprint || attempt === ATTEMPTS) return made.result();
    // Another request may have started a rebuild already: share it.
    const now = held.get(executor.driver);
    current = now && now !== current ? now : rebuild(executor);
  }
}

async function readFingerprint(executor: Executor): Promise<string> {
  const [state] = await executor.read(graphFingerprintQuery(), 'graph-fingerprint');
  return key(state!);
}

/**
 * The features as of one state of the graph: the fingerprint is read before and after them, and
 * they are read again when it moved (a write came in between), so the index is labelled with the
 * fingerprint of the graph it holds, never newer than its data.
 */
function rebuild(executor: Executor): Promise<Built> {
  const built = unchangedAcross(
    () => readFingerprint(executor),
    () =>
      Promise.all([
        executor.read(practiceFeaturesQuery(), 'pilot-features'),
        executor.read(countyUnitsQuery(), 'county-units'),
      ]),
    ATTEMPTS,
  ).then(({ value: [rows, units], mark }) => ({
    fingerprint: mark,
    index: new SimilarityIndex(
      rows,
      units.map((u) => u.unit),
    ),
  }));
  held.set(executor.driver, built);
  // A failed build is not kept: the next request tries again.
  built.catch(() => {
    if (held.get(executor.driver) === built) held.delete(executor.driver);
  });
  return built;
}
