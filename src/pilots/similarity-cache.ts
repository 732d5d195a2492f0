import type { Driver } from 'neo4j-driver';
import type { Executor } from '../core/db/executor';
import {
  countyUnitsQuery,
  type GraphFingerprint,
  graphFingerprintQuery,
  practiceFeaturesQuery,
} from './pilots.repository';
import { SimilarityIndex } from './similarity-index';

interface Held {
  readonly fingerprint: string;
  readonly index: Promise<SimilarityIndex>;
}

/**
 * One index per database (driver), shared by requests; rebuilt when the graph's fingerprint
 * changes.
 */
const held = new WeakMap<Driver, Held>();
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
  let current = held.get(executor.driver) ?? rebuild(executor, await readFingerprint(executor));
  for (let attempt = 1; ; attempt += 1) {
    const index = await current.index;
    const made = await answer(index);
    const seen = key(made.seen);
    // A graph still changing after a few rebuilds: the last index is as current as any.
    if (seen === current.fingerprint || attempt === ATTEMPTS) return made.result();
    current =
      held.get(executor.driver)?.fingerprint === seen
        ? held.get(executor.driver)!
        : rebuild(executor, seen);
  }
}

async function readFingerprint(executor: Executor): Promise<string> {
  const [state] = await executor.read(graphFingerprintQuery(), 'graph-fingerprint');
  return key(state!);
}

/**
 * The fingerprint is read before the features, so an index is never labelled newer than its data.
 */
function rebuild(executor: Executor, fingerprint: string): Held {
  const index = (async () => {
    const [rows, units] = await Promise.all([
      executor.read(practiceFeaturesQuery(), 'pilot-features'),
      executor.read(countyUnitsQuery(), 'county-units'),
    ]);
    return new SimilarityIndex(
      rows,
      units.map((u) => u.unit),
    );
  })();
  const entry = { fingerprint, index };
  held.set(executor.driver, entry);
  // A failed build is not kept: the next request tries again.
  index.catch(() => {
    if (held.get(executor.driver) === entry) held.delete(executor.driver);
  });
  return entry;
}
