import type { CypherQuery } from '../core/db/executor';
import { parentCode } from '../core/region-codes';
import type { SeedItem } from '../facts/fact.schema';
import type { OfficialRegion } from '../region/gazetteer';
import { nameRegion } from '../region/region-names';
import { regionSearchProps } from '../search/search-keys';

/** Regions are written in batches outside the knowledge transaction: 665k of them for all China. */
export const REGION_BATCH = 10_000;
/** Batches in flight at once: the database writes two while this process prepares the next. */
export const REGION_WRITERS = 2;

export interface RegionRow {
  code: string;
  parent: string | null;
  props: Record<string, unknown>;
}

/**
 * The county-level zones the seed promotes (code → its status), for marking them and everything
 * under them.
 */
export type CountyLevelZones = ReadonlyMap<string, NonNullable<SeedItem<'regions'>['countyLevel']>>;

/** The promoted zone a code lies in (the zone's own code included), if any. */
export const zoneOf = (code: string, zones: CountyLevelZones): string | null =>
  [...zones.keys()].find((z) => code.startsWith(z)) ?? null;

/**
 * One gazetteer unit, with the seed's curated names (English, pinyin, aliases) laid over. A unit in
 * a county-level zone carries the zone's code (`zone`), which keeps it out of its host county's
 * roll-ups; the zone itself carries its host and the basis of its status.
 */
export function regionRow(
  r: OfficialRegion,
  curated?: SeedItem<'regions'>,
  zones: CountyLevelZones = new Map(),
): RegionRow {
  const zone = zones.size ? zoneOf(r.code, zones) : null;
  const status = zone === r.code ? zones.get(zone) : undefined;
  const naming = nameRegion(r.code, r.officialName);
  const aliases = new Set(curated?.aliases ?? []);
  if (curated && curated.name !== naming.name && curated.name !== r.officialName)
    aliases.add(curated.name);
  return {
    code: r.code,
    parent: parentCode(r.code) ?? null,
    props: {
      ...regionNameProps(
        r,
        { nameEn: curated?.nameEn, pinyin: curated?.pinyin, aliases: [...aliases] },
        naming,
      ),
      officialName: r.officialName,
      nameEnCurated: Boolean(curated),
      level: naming.level,
      note: curated?.note ?? null,
      zone,
      countyLevelHost: status?.host ?? null,
      countyLevelBasis: status?.basis ?? null,
    },
  };
}

/**
 * What a region's stored names are made of besides its official name: curated English and pinyin,
 * and aliases.
 */
export interface NameOverlay {
  readonly nameEn?: string | null;
  readonly pinyin?: string | null;
  readonly aliases: readonly string[];
}

/**
 * The properties a region's names determine: short name, kind, English, pinyin and search keys.
 * The gazetteer load and the renaming of an older graph's regions both write these.
 */
export function regionNameProps(
  r: OfficialRegion,
  overlay: NameOverlay,
  naming = nameRegion(r.code, r.officialName),
) {
  const nameEn = overlay.nameEn ?? naming.nameEn;
  const search = {
    name: naming.name,
    officialName: r.officialName,
    base: naming.base,
    aliases: overlay.aliases,
    nameEn,
    pinyin: overlay.pinyin,
  };
  return {
    name: naming.name,
    nameEn,
    pinyin: overlay.pinyin ?? naming.pinyin,
    kind: naming.kind,
    autonomous: naming.autonomous,
    ethnicGroups: naming.ethnicGroups,
    aliases: [...overlay.aliases],
    ...regionSearchProps(search),
  };
}

/**
 * One batch of regions and their PART_OF edges. MERGE keeps a reload idempotent; into a graph with
 * no regions yet, CREATE does the same work without looking for what cannot be there (the parent
 * is still matched by code: it was written by an earlier level's batch).
 */
export const regionBatchQuery = (rows: readonly RegionRow[], fresh = false): CypherQuery => ({
  cypher: fresh
    ? `UNWIND $rows AS r
    CREATE (n:Region {code: r.code})
    SET n += r.props
    WITH n, r WHERE r.parent IS NOT NULL
    MATCH (p:Region {code: r.parent})
    CREATE (n)-[:PART_OF]->(p)`
    : `UNWIND $rows AS r
    MERGE (n:Region {code: r.code})
    SET n += r.props
    WITH n, r WHERE r.parent IS NOT NULL
    MATCH (p:Region {code: r.parent})
    MERGE (n)-[:PART_OF]->(p)`,
  params: { rows },
});
