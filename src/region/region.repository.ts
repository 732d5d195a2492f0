import { z } from 'zod';
import { cypherInt } from '../core/db/convert';
import { lazy, num, oneOf, text } from '../core/db/decode';
import type { DecodedQuery } from '../core/db/executor';
import { type Entity, lazyByName, projector } from '../core/entity';
import { toGlobalId } from '../core/global-id';
import type { Page } from '../core/pages';
import { REGION_LEVELS } from '../core/vocabulary';
import type { Region, RegionLevel } from './region.type';

const PROPS = [
  'code',
  'name',
  'officialName',
  'nameEn',
  'nameEnCurated',
  'pinyin',
  'aliases',
  'level',
  'kind',
  'autonomous',
  'ethnicGroups',
  'note',
  'zone',
  'countyLevelHost',
  'countyLevelBasis',
] as const;

const regionRow = z.object({
  code: text,
  name: text,
  officialName: lazy.optText,
  nameEn: lazy.optText,
  nameEnCurated: lazy.flag,
  pinyin: lazy.optText,
  aliases: lazy.texts,
  level: oneOf(REGION_LEVELS),
  kind: lazy.optText,
  autonomous: lazy.flag,
  ethnicGroups: lazy.texts,
  note: lazy.optText,
  zone: lazy.optText,
  countyLevelHost: lazy.optText,
  countyLevelBasis: lazy.optText,
});

export const RegionEntity: Entity<Region> = {
  label: 'Region',
  key: 'code',
  node: true,
  indexes: ['level', 'name', 'countyLevelHost'],
  // Code, name and level always (keys, labels, the level rules); the rest only when selected.
  projection: projector(PROPS, undefined, {
    ...lazyByName([
      'officialName',
      'nameEn',
      'nameEnCurated',
      'pinyin',
      'aliases',
      'kind',
      'autonomous',
      'ethnicGroups',
      'note',
    ]),
    zone: { fields: ['countyLevelUnit'] },
    countyLevelHost: { fields: ['countyLevelZone'] },
    countyLevelBasis: { fields: ['countyLevelZone'] },
  }),
  decode: regionRow.transform((r): Region => ({
    __typename: 'Region',
    id: toGlobalId('Region', r.code),
    code: r.code,
    name: r.name,
    officialName: r.officialName ?? r.name,
    nameEn: r.nameEn ?? r.name,
    nameEnCurated: r.nameEnCurated ?? false,
    pinyin: r.pinyin ?? null,
    aliases: r.aliases ?? [],
    level: r.level,
    kind: r.kind ?? '其他',
    autonomous: r.autonomous ?? false,
    ethnicGroups: r.ethnicGroups ?? [],
    note: r.note ?? null,
    zoneCode: r.zone ?? null,
    countyLevelZone: r.countyLevelHost
      ? { hostCode: r.countyLevelHost, basis: r.countyLevelBasis ?? '' }
      : null,
  })),
};

const REGION = RegionEntity.projection('r');
const regionPage = z.object({ total: num, items: z.array(RegionEntity.decode) });

export interface ChildrenKey {
  readonly code: string;
  readonly skip: number;
  readonly limit: number;
}

const CHILDREN_PAGE = regionPage.extend({ i: num });

/** Children of many parents, one page each, in one round trip. */
export const childrenPagesQuery = (
  keys: readonly ChildrenKey[],
): DecodedQuery<Page<Region> & { i: number }> => ({
  cypher: `UNWIND range(0, size($keys) - 1) AS i
    WITH i, $keys[i] AS k
    OPTIONAL MATCH (p:Region {code: k.code})
    CALL (p, k) {
      OPTIONAL MATCH (r:Region)-[:PART_OF]->(p)
      WITH r ORDER BY r.code
      RETURN collect(${REGION}) AS ordered
    }
    RETURN i, ordered[k.skip..k.skip + k.limit + 1] AS items, size(ordered) AS total`,
  params: {
    keys: keys.map((k) => ({ code: k.code, skip: cypherInt(k.skip), limit: cypherInt(k.limit) })),
  },
  row: CHILDREN_PAGE,
});

export interface RegionListFilter {
  readonly level?: RegionLevel | null;
  readonly within?: string | null;
  readonly autonomous?: boolean | null;
  readonly countyLevel?: boolean | null;
}

const REGION_LIST_WHERE = `($within IS NULL OR (r.code STARTS WITH $within AND r.code <> $within))
      AND ($level IS NULL OR r.level = $level) AND ($autonomous IS NULL OR r.autonomous = $autonomous)
      AND ($countyLevel IS NULL OR (r.level = 'COUNTY' OR r.countyLevelHost IS NOT NULL) = $countyLevel)`;

/** Regions by level and parent code prefix (index-backed); counted without collecting them. */
export const regionListQuery = (
  f: RegionListFilter,
  skip: number,
  limit: number,
): DecodedQuery<Page<Region>> => ({
  cypher: `CALL () { MATCH (r:Region) WHERE ${REGION_LIST_WHERE} RETURN count(r) AS total }
    CALL () { MATCH (r:Region) WHERE ${REGION_LIST_WHERE} WITH r ORDER BY r.code SKIP $skip LIMIT $limit RETURN collect(${REGION}) AS items }
    RETURN total, items`,
  params: {
    within: f.within ?? null,
    level: f.level ?? null,
    autonomous: f.autonomous ?? null,
    countyLevel: f.countyLevel ?? null,
    skip: cypherInt(skip),
    limit: cypherInt(limit),
  },
  row: regionPage,
});

const HOSTED = z.object({ key: text, zones: z.array(RegionEntity.decode) });

/** The county-level zones each county hosts, by code. */
export const hostedZonesQuery = (
  codes: readonly string[],
): DecodedQuery<{ key: string; zones: Region[] }> => ({
  cypher: `UNWIND $codes AS key
    RETURN key, COLLECT { MATCH (r:Region {countyLevelHost: key}) WITH r ORDER BY r.code RETURN ${REGION} } AS zones`,
  params: { codes },
  row: HOSTED,
});
