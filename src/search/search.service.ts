import { toGlobalId } from '../core/global-id';
import { type PageWindow, toConnection } from '../core/pagination';
import { isLevel } from '../core/region-codes';
import type { QueryKeys } from './query-text';
import { explainMatch, highlightHtml } from './search-match';
import { type HitLabel, rankScore } from './search-scoring';
import type { HitNeeds, SearchPageRow, SearchRow } from './search.repository';
import { type SearchFacet, type SearchHit, SearchHitType, type SearchResults } from './search.type';

/** Each kind of hit and the label of its nodes, in the order facets are listed. */
const LABEL_OF: Readonly<Record<SearchHitType, HitLabel>> = {
  [SearchHitType.MODEL]: 'GovernanceModel',
  [SearchHitType.PRACTICE]: 'Practice',
  [SearchHitType.PRINCIPLE]: 'Principle',
  [SearchHitType.ORGANIZATION]: 'Organization',
  [SearchHitType.REGION]: 'Region',
};
const TYPE_OF = new Map(
  Object.entries(LABEL_OF).map(([type, label]) => [label, type as SearchHitType]),
);

/** The labels to search for the kinds asked (all kinds when none are). */
export const labelsFor = (types: readonly SearchHitType[] | null | undefined): HitLabel[] =>
  (types?.length ? [...new Set(types)] : (Object.keys(LABEL_OF) as SearchHitType[])).map(
    (t) => LABEL_OF[t],
  );

/**
 * Units that only group others in the gazetteer (a municipality's 市辖区, a province's 省直辖县级行政区划) say
 * nothing about where a place is.
 */
const isGrouping = (step: SearchRow['path'][number]) =>
  isLevel(step.code, 'PREFECTURE') &&
  (step.kind === '市辖区' || step.name === '县' || step.name.endsWith('直辖县级行政区划'));

/** `云南省 › 昆明市 › 官渡区 › 太和街道`, in Chinese and English, or nulls for a hit that is in no place. */
export function placePath(steps: SearchRow['path']): {
  path: string | null;
  pathEn: string | null;
} {
  const shown = steps.filter((s) => !isGrouping(s));
  if (!shown.length) return { path: null, pathEn: null };
  return {
    path: shown.map((s) => s.name).join(' › '),
    pathEn: shown.map((s) => s.nameEn ?? s.name).join(' › '),
  };
}

/** A ranked row → a hit: its score from the signals (`rankScore`), why it matched, where it is. */
export function toHit(row: SearchRow, keys: QueryKeys): SearchHit {
  const { label, key, kind, text: t } = row;
  const why = explainMatch(keys, kind, { ...t, aliases: t.aliases ?? [] });
  return {
    type: TYPE_OF.get(label)!,
    id: toGlobalId(label, key),
    name: t.name,
    nameEn: t.nameEn,
    code: label === 'Region' ? key : null,
    ...placePath(row.path),
    matchKind: kind,
    matchedField: why.field,
    snippet: why.snippet,
    highlights: [...why.highlights],
    highlight: highlightHtml(why.snippet, why.highlights),
    score: rankScore({
      label,
      kind,
      lucene: row.lucene,
      coverage: row.coverage,
      level: row.level,
      activity: row.activity,
      holdsMatches: row.holdsMatches,
    }),
    label,
    key,
  };
}

/**
 * Counts per type, every type, in the order of LABEL_OF; a count is exact unless a candidate list
 * of its kind was cut.
 */
export function facetsOf(row: Pick<SearchPageRow, 'facets' | 'full'>): SearchFacet[] {
  const count = new Map(row.facets.map((f) => [f.label, f.count]));
  const placesCut = row.full.some((ch) => ch.startsWith('p'));
  const knowledgeCut = row.full.some((ch) => ch.startsWith('k'));
  return (Object.entries(LABEL_OF) as Array<[SearchHitType, HitLabel]>).map(([type, label]) => ({
    type,
    count: count.get(label) ?? 0,
    exact: !(label === 'Region' ? placesCut : knowledgeCut),
  }));
}

/** A page of hits with its facets (none when nothing matched). */
export function toResults(
  row: SearchPageRow | undefined,
  keys: QueryKeys,
  page: PageWindow,
): SearchResults {
  const conn = toConnection(
    (row?.hits ?? []).map((h) => toHit(h, keys)),
    page,
    row?.total ?? 0,
  );
  return { ...conn, facets: facetsOf(row ?? { facets: [], full: [] }) };
}

const TEXT_FIELDS: readonly string[] = ['matchedField', 'snippet', 'highlights', 'highlight'];
const PATH_FIELDS: readonly string[] = ['path', 'pathEn'];

/** What the selected fields of a hit need read (`name` alone needs neither texts nor path). */
export const hitNeeds = (selected: readonly string[]): HitNeeds => ({
  text: selected.some((f) => TEXT_FIELDS.includes(f)),
  path: selected.some((f) => PATH_FIELDS.includes(f)),
});
