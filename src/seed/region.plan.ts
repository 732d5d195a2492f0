import type { CypherQuery } from '../core/db/executor';
import type { OfficialRegion } from '../region/gazetteer';
import { nameRegion, parentCode } from '../region/region-names';
import type { SeedItem } from './seed.schema';
import { searchText } from '../search/search-text';

/** Regions are written in batches outside the knowledge transaction: 665k of them for all China. */
export const REGION_BATCH = 10_000;
/** Batches in flight at once: the database writes two while this process prepares the next. */
export const REGION_WRITERS = 2;

export interface RegionRow {
  code: string;
  parent: string | null;
  props: Record<string, unknown>;
}

/** One gazetteer unit, with the seed's curated names (English, pinyin, aliases) laid over. */
export function regionRow(r: OfficialRegion, curated?: SeedItem<'regions'>): RegionRow {
  const naming = nameRegion(r.code, r.officialName);
  const aliases = new Set(curated?.aliases ?? []);
  if (curated && curated.name !== naming.name && curated.name !== r.officialName) aliases.add(curated.name);
  return {
    code: r.code,
    parent: parentCode(r.code) ?? null,
    props: {
      name: naming.name,
      officialName: r.officialName,
      nameEn: curated?.nameEn ?? naming.nameEn,
      pinyin: curated?.pinyin ?? naming.pinyin,
      nameEnCurated: Boolean(curated),
      level: naming.level,
      kind: naming.kind,
      autonomous: naming.autonomous,
      ethnicGroups: naming.ethnicGroups,
      aliases: [...aliases],
      note: curated?.note ?? null,
      ...searchText(naming.name, [...aliases, r.officialName]),
    },
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
