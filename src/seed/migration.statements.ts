import { z } from 'zod';
import type { DecodedQuery } from '../core/db/executor';

/**
 * The migration lease, on `(:GraphState {key: 'migration'})`: one process at a time applies the
 * schema and seeds, so replicas started together seed once. The lease runs out by itself if its
 * holder dies (Neo4j's clock decides, so processes' clocks need not agree); the holder renews it
 * while it works. The node also records the migrations and seed loads done.
 */

/** The lease's node is unique by key, so processes merging it together meet on one node. */
export const graphStateConstraint = {
  cypher:
    'CREATE CONSTRAINT graph_state_key IF NOT EXISTS FOR (s:GraphState) REQUIRE s.key IS UNIQUE',
};

/**
 * Takes the lease if it is free, expired, or already `holder`'s. Setting `claimedAt` first takes
 * the node's write lock, so the holder is read after any other claim committed (no lost update).
 */
export const acquireLeaseQuery = (
  holder: string,
  leaseMs: number,
): DecodedQuery<{ acquired: boolean; holder: string }> => ({
  cypher: `MERGE (s:GraphState {key: 'migration'})
SET s.claimedAt = timestamp()
WITH s, (s.holder IS NULL OR s.leaseUntil < timestamp() OR s.holder = $holder) AS free
SET s.holder = CASE WHEN free THEN $holder ELSE s.holder END,
    s.leaseUntil = CASE WHEN free THEN timestamp() + $leaseMs ELSE s.leaseUntil END
RETURN free AS acquired, s.holder AS holder`,
  params: { holder, leaseMs },
  row: z.object({ acquired: z.boolean(), holder: z.string() }),
});

/** Extends `holder`'s lease; renewed is false when it was lost (expired and taken). */
export const renewLeaseQuery = (
  holder: string,
  leaseMs: number,
): DecodedQuery<{ renewed: boolean }> => ({
  cypher: `OPTIONAL MATCH (s:GraphState {key: 'migration'}) WHERE s.holder = $holder
SET s.leaseUntil = timestamp() + $leaseMs
RETURN s IS NOT NULL AS renewed`,
  params: { holder, leaseMs },
  row: z.object({ renewed: z.boolean() }),
});

/** Frees the lease and records a finished migration (and a seed load if there was one). */
export const finishMigrationQuery = (
  holder: string,
  version: string,
  seeded: boolean,
): DecodedQuery<{ migrations: number; seeds: number }> => ({
  cypher: `MATCH (s:GraphState {key: 'migration'}) WHERE s.holder = $holder
SET s.holder = null, s.leaseUntil = null, s.migratedAt = timestamp(), s.version = $version,
    s.migrations = coalesce(s.migrations, 0) + 1,
    s.seeds = coalesce(s.seeds, 0) + CASE WHEN $seeded THEN 1 ELSE 0 END
RETURN s.migrations AS migrations, s.seeds AS seeds`,
  params: { holder, version, seeded },
  row: z.object({ migrations: z.number(), seeds: z.number() }),
});

/** Frees the lease of a migration that failed, recording nothing. */
export const abandonLeaseQuery = (holder: string): DecodedQuery<{ freed: boolean }> => ({
  cypher: `OPTIONAL MATCH (s:GraphState {key: 'migration'}) WHERE s.holder = $holder
SET s.holder = null, s.leaseUntil = null
RETURN s IS NOT NULL AS freed`,
  params: { holder },
  row: z.object({ freed: z.boolean() }),
});

/** Whether a migration has finished and none is running now (what a waiting replica asks). */
export const migrationStateQuery = (): DecodedQuery<{
  migratedAt: number | null;
  running: boolean;
  version: string | null;
}> => ({
  cypher: `OPTIONAL MATCH (s:GraphState {key: 'migration'})
RETURN s.migratedAt AS migratedAt, s.version AS version,
       coalesce(s.holder IS NOT NULL AND s.leaseUntil >= timestamp(), false) AS running`,
  row: z.object({
    migratedAt: z.number().nullable(),
    running: z.boolean(),
    version: z.string().nullable(),
  }),
});
