import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { PROJECT_ROOT } from '../src/core/config';
import type { Executor } from '../src/core/db/executor';
import { bumpRevisionQuery } from '../src/core/db/revision';
import { awaitIndexes, createSchema } from '../src/core/db/schema-statements';
import { SCHEMA } from '../src/modules';
import { loadSeed } from '../src/seed/seed-load';
import { writeLayer } from './layer';
import { LAYER_SEED, LAYER_VERSION, type Scale } from './scales';

export interface LoadResult {
  readonly loadedNow: boolean;
  readonly ms: { regions: number; layer: number; total: number };
  readonly counts: Record<string, number>;
}

const META = z.object({
  version: z.number(),
  seed: z.number(),
  scale: z.string(),
  seedFiles: z.string().nullable(),
});

/**
 * A digest of the seed folder's files: a bench database loaded from another seed graph is stale.
 */
function seedFilesDigest(): string {
  const hash = createHash('sha256');
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else hash.update(entry.name).update(readFileSync(file));
    }
  };
  walk(path.join(PROJECT_ROOT, 'seed'));
  return hash.digest('hex').slice(0, 16);
}

const META_KEYS = ['version', 'seed', 'scale', 'seedFiles'] as const;

/** The data already loaded, when it is this scale's; null when the database is empty. */
async function reusedData(
  executor: Executor,
  scale: Scale,
  seedFiles: string,
): Promise<LoadResult | null> {
  const [meta] = await executor.read({
    cypher:
      'MATCH (m:BenchMeta) RETURN m.version AS version, m.seed AS seed, m.scale AS scale, ' +
      'm.seedFiles AS seedFiles',
    row: META,
  });
  if (!meta) return null;
  const wanted = { version: LAYER_VERSION, seed: LAYER_SEED, scale: scale.name, seedFiles };
  if (META_KEYS.some((k) => meta[k] !== wanted[k]))
    throw new Error(
      `the bench database holds ${JSON.stringify(meta)}, not ${JSON.stringify(wanted)}; delete its data folder to rebuild it`,
    );
  return {
    loadedNow: false,
    ms: { regions: 0, layer: 0, total: 0 },
    counts: await countNodes(executor),
  };
}

/**
 * Loads the gazetteer, the seed graph and (but for the seed scale) the generated layer once; a
 * loaded database is reused.
 */
export async function ensureBenchData(
  executor: Executor,
  scale: Scale,
  log: (line: string) => void,
): Promise<LoadResult> {
  const seedFiles = seedFilesDigest();
  const reused = await reusedData(executor, scale, seedFiles);
  if (reused) return reused;
  const t0 = Date.now();
  const seeded = await loadSeed(executor, {
    seedDir: path.join(PROJECT_ROOT, 'seed'),
    provinces: scale.provinces,
    progress: true,
    log,
    indexes: false,
  });
  const t1 = Date.now();
  if (scale.layer) await writeLayer(executor, log);
  else {
    // The seed scale: no generated layer, but the same schema and indexes as `npm start` makes.
    await createSchema(executor, SCHEMA.indexes);
    await awaitIndexes(executor);
  }
  await executor.writeAll([
    bumpRevisionQuery(),
    {
      cypher:
        'CREATE (:BenchMeta {version: $version, seed: $seed, scale: $scale, seedFiles: ' +
        '$seedFiles})',
      params: { version: LAYER_VERSION, seed: LAYER_SEED, scale: scale.name, seedFiles },
    },
  ]);
  const t2 = Date.now();
  log(
    `Bench data (${scale.name}): ${seeded.regions} regions in ${((t1 - t0) / 1000).toFixed(1)} s, ${scale.layer ? 'generated layer' : 'indexes'} in ${((t2 - t1) / 1000).toFixed(1)} s.`,
  );
  return {
    loadedNow: true,
    ms: { regions: t1 - t0, layer: t2 - t1, total: t2 - t0 },
    counts: await countNodes(executor),
  };
}

const COUNTED = ['Region', 'GovernanceModel', 'Practice', 'Observation', 'Citation'] as const;

/** Node counts per label (from the count store: labels are constants here). */
async function countNodes(executor: Executor): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const label of COUNTED) {
    const [row] = await executor.read({
      cypher: `MATCH (n:${label}) RETURN count(n) AS n`,
      row: z.object({ n: z.number() }),
    });
    counts[label] = row?.n ?? 0;
  }
  return counts;
}
