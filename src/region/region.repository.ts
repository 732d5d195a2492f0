import { toGlobalId } from '../common/global-id';
import { cypherInt } from '../db/convert';
import type { CypherQuery, Executor, Row } from '../db/executor';
import type { Region, RegionLevel } from './region.type';

export const REGION_FIELDS = 'r {.code, .name, .officialName, .nameEn, .nameEnCurated, .pinyin, .aliases, .level, .kind, .autonomous, .ethnicGroups, .note}';

export const toRegion = (r: Row): Region =>
  ({
    __typename: 'Region', id: toGlobalId('Region', String(r.code)), code: String(r.code), name: String(r.name), officialName: String(r.officialName ?? r.name),
    nameEn: String(r.nameEn ?? r.name), nameEnCurated: Boolean(r.nameEnCurated), pinyin: (r.pinyin as string) ?? null, aliases: (r.aliases as string[]) ?? [],
    level: r.level as RegionLevel, kind: String(r.kind ?? '其他'), autonomous: Boolean(r.autonomous), ethnicGroups: (r.ethnicGroups as string[]) ?? [], note: (r.note as string) ?? null,
  }) as unknown as Region;

export const regionsByCodesQuery = (codes: readonly string[]): CypherQuery => ({
  cypher: `UNWIND $codes AS code MATCH (r:Region {code: code}) RETURN ${REGION_FIELDS} AS r`,
  params: { codes },
});

export interface ChildrenKey {
  readonly code: string;
  readonly skip: number;
  readonly limit: number;
}

/** Children of many parents, one page each, in one round trip. */
export const childrenPagesQuery = (keys: readonly ChildrenKey[]): CypherQuery => ({
  cypher: `UNWIND $keys AS k
    OPTIONAL MATCH (p:Region {code: k.code})
    CALL (p, k) {
      OPTIONAL MATCH (r:Region)-[:PART_OF]->(p)
      WITH r ORDER BY r.code
      RETURN collect(${REGION_FIELDS}) AS ordered
    }
    RETURN k, ordered[k.skip..k.skip + k.limit + 1] AS items, size(ordered) AS total`,
  params: { keys: keys.map((k) => ({ code: k.code, skip: cypherInt(k.skip), limit: cypherInt(k.limit) })) },
});

export interface RegionListFilter {
  readonly level?: RegionLevel | null;
  readonly within?: string | null;
  readonly autonomous?: boolean | null;
}

const REGION_LIST_WHERE = `($within IS NULL OR (r.code STARTS WITH $within AND r.code <> $within))
      AND ($level IS NULL OR r.level = $level) AND ($autonomous IS NULL OR r.autonomous = $autonomous)`;

/** Regions by level and parent code prefix (index-backed); counted without collecting them. */
export const regionListQuery = (f: RegionListFilter, skip: number, limit: number): CypherQuery => ({
  cypher: `CALL () { MATCH (r:Region) WHERE ${REGION_LIST_WHERE} RETURN count(r) AS total }
    CALL () { MATCH (r:Region) WHERE ${REGION_LIST_WHERE} WITH r ORDER BY r.code SKIP $skip LIMIT $limit RETURN collect(${REGION_FIELDS}) AS items }
    RETURN total, items`,
  params: { within: f.within ?? null, level: f.level ?? null, autonomous: f.autonomous ?? null, skip: cypherInt(skip), limit: cypherInt(limit) },
});

export async function findRegions(executor: Executor, codes: readonly string[]): Promise<Array<[string, Region]>> {
  const rows = await executor.read(regionsByCodesQuery(codes), 'regions');
  return rows.map((row) => [String((row.r as Row).code), toRegion(row.r as Row)]);
}
