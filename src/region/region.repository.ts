import { z } from 'zod';
import { cypherInt } from '../core/db/convert';
import { listOf, num } from '../core/db/decode';
import type { DecodedQuery } from '../core/db/executor';
import type { Page } from '../core/pages';
import { RegionEntity } from './region.entity';
import type { Region, RegionLevel } from './region.type';

const REGION = RegionEntity.projection('r');
const regionPage = z.object({ total: num, items: listOf(RegionEntity.decode) });

export interface ChildrenKey {
  readonly code: string;
  readonly skip: number;
  readonly limit: number;
}

/** Children of many parents, one page each, in one round trip. */
export const childrenPagesQuery = (keys: readonly ChildrenKey[]): DecodedQuery<Page<Region> & { i: number }> => ({
  cypher: `UNWIND range(0, size($keys) - 1) AS i
    WITH i, $keys[i] AS k
    OPTIONAL MATCH (p:Region {code: k.code})
    CALL (p, k) {
      OPTIONAL MATCH (r:Region)-[:PART_OF]->(p)
      WITH r ORDER BY r.code
      RETURN collect(${REGION}) AS ordered
    }
    RETURN i, ordered[k.skip..k.skip + k.limit + 1] AS items, size(ordered) AS total`,
  params: { keys: keys.map((k) => ({ code: k.code, skip: cypherInt(k.skip), limit: cypherInt(k.limit) })) },
  row: regionPage.extend({ i: num }),
});

export interface RegionListFilter {
  readonly level?: RegionLevel | null;
  readonly within?: string | null;
  readonly autonomous?: boolean | null;
}

const REGION_LIST_WHERE = `($within IS NULL OR (r.code STARTS WITH $within AND r.code <> $within))
      AND ($level IS NULL OR r.level = $level) AND ($autonomous IS NULL OR r.autonomous = $autonomous)`;

/** Regions by level and parent code prefix (index-backed); counted without collecting them. */
export const regionListQuery = (f: RegionListFilter, skip: number, limit: number): DecodedQuery<Page<Region>> => ({
  cypher: `CALL () { MATCH (r:Region) WHERE ${REGION_LIST_WHERE} RETURN count(r) AS total }
    CALL () { MATCH (r:Region) WHERE ${REGION_LIST_WHERE} WITH r ORDER BY r.code SKIP $skip LIMIT $limit RETURN collect(${REGION}) AS items }
    RETURN total, items`,
  params: { within: f.within ?? null, level: f.level ?? null, autonomous: f.autonomous ?? null, skip: cypherInt(skip), limit: cypherInt(limit) },
  row: regionPage,
});
