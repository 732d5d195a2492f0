import { z } from 'zod';
import { cypherInt } from '../core/db/convert';
import { flag, optText, text, texts } from '../core/db/decode';
import type { CypherQuery, DecodedQuery, Executor } from '../core/db/executor';
import { bumpRevisionQuery } from '../core/db/revision';
import { regionNameProps } from './region-rows';

/**
 * Regions in a graph loaded by an older version carry names from older rules (before rule 2, a
 * village's committee suffix doubled its kind: 鱼塘村村). The rule a graph's regions were named by
 * is stamped on its GraphState; at start-up an older stamp has every region's names derived
 * again, page by page, and only those that changed rewritten.
 */
export const REGION_NAMING_RULE = 2;
export const RENAME_PAGE = 5_000;

const STATE = z.object({ regions: z.boolean(), rule: z.number().nullable() });

export const namingRuleQuery = (): DecodedQuery<z.infer<typeof STATE>> => ({
  cypher: `OPTIONAL MATCH (s:GraphState {key: 'graph'})
    RETURN EXISTS { MATCH (:Region) } AS regions, s.regionNaming AS rule`,
  row: STATE,
});

export const stampNamingRuleQuery = (): CypherQuery => ({
  cypher: "MERGE (s:GraphState {key: 'graph'}) SET s.regionNaming = $rule",
  params: { rule: REGION_NAMING_RULE },
});

/** The stored names of a region: what renaming reads, and what it compares its result with. */
const STORED = z.object({
  code: text,
  officialName: text,
  name: text,
  nameEn: text,
  pinyin: text,
  nameEnCurated: flag,
  aliases: texts,
  kind: text,
  autonomous: flag,
  ethnicGroups: texts,
  aliasesText: optText,
  searchNames: texts,
  searchKey: optText,
  pinyinKey: optText,
});
export type StoredRegionNames = z.infer<typeof STORED>;

/** One page of regions after `after`, in code order (the code's unique index walks it). */
export const regionNamesPageQuery = (
  after: string,
  limit = RENAME_PAGE,
): DecodedQuery<StoredRegionNames> => ({
  cypher: `MATCH (r:Region) WHERE r.code > $after
    WITH r ORDER BY r.code LIMIT $limit
    RETURN r {.code, .officialName, .name, .nameEn, .pinyin, .nameEnCurated, .aliases, .kind, .autonomous,
      .ethnicGroups, .aliasesText, .searchNames, .searchKey, .pinyinKey} AS r`,
  params: { after, limit: cypherInt(limit) },
  row: z.object({ r: STORED }).transform(({ r }) => r),
});

export const renameRegionsQuery = (
  rows: ReadonlyArray<{ code: string; props: Record<string, unknown> }>,
): CypherQuery => ({
  cypher: 'UNWIND $rows AS row MATCH (r:Region {code: row.code}) SET r += row.props',
  params: { rows },
});

/**
 * The names the current rule gives a stored region, or null when they are what it has. Curated
 * English and pinyin stay.
 */
export function renamedProps(stored: StoredRegionNames): Record<string, unknown> | null {
  const curated = stored.nameEnCurated === true;
  const overlay = {
    nameEn: curated ? stored.nameEn : null,
    pinyin: curated ? stored.pinyin : null,
    aliases: stored.aliases ?? [],
  };
  const props = regionNameProps({ code: stored.code, officialName: stored.officialName }, overlay);
  // A list property a node lacks reads as null: the same as the empty list the rule gives.
  const asRead = (value: unknown, like: unknown) =>
    value === null && Array.isArray(like) ? [] : value;
  const same = (Object.keys(props) as Array<keyof typeof props>).every(
    (key) => JSON.stringify(props[key]) === JSON.stringify(asRead(stored[key], props[key])),
  );
  return same ? null : props;
}

export interface RenameOutcome {
  readonly checked: number;
  readonly renamed: number;
  readonly ms: number;
}

/**
 * Renames an older graph's regions by the current rule, if its stamp says it needs it; undefined
 * when nothing had to be done.
 */
export async function renameRegionsIfOlder(
  executor: Executor,
  log: (line: string) => void,
): Promise<RenameOutcome | undefined> {
  const [state] = await executor.read(namingRuleQuery(), 'region-naming');
  if (!state?.regions) return undefined;
  if ((state.rule ?? 0) >= REGION_NAMING_RULE) return undefined;
  log(
    `Region names were derived by an older rule (${state.rule ?? 1}, now ${REGION_NAMING_RULE}): deriving them again, ${RENAME_PAGE.toLocaleString('en')} at a time…`,
  );
  const t0 = Date.now();
  let checked = 0;
  let renamed = 0;
  for (let after = ''; ;) {
    const page = await executor.read(regionNamesPageQuery(after), 'region-naming');
    if (page.length === 0) break;
    const rows = page.flatMap((r) => {
      const props = renamedProps(r);
      return props ? [{ code: r.code, props }] : [];
    });
    if (rows.length > 0) await executor.write(renameRegionsQuery(rows), 'region-naming');
    checked += page.length;
    renamed += rows.length;
    after = page[page.length - 1]!.code;
  }
  await executor.writeAll(
    [stampNamingRuleQuery(), ...(renamed > 0 ? [bumpRevisionQuery()] : [])],
    'region-naming',
  );
  const ms = Date.now() - t0;
  log(
    `Region names: ${renamed.toLocaleString('en')} of ${checked.toLocaleString('en')} regions renamed in ${(ms / 1000).toFixed(1)} s.`,
  );
  return { checked, renamed, ms };
}
