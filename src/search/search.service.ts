import { toGlobalId } from '../core/global-id';
import type { SearchRow } from './search.repository';
import { snippetFor } from './search.query';
import { SearchHitType, type SearchHit } from './search.type';

/** Each kind of hit and the label of its nodes. */
export const LABEL_OF: Readonly<Record<SearchHitType, SearchRow['label']>> = {
  [SearchHitType.MODEL]: 'GovernanceModel',
  [SearchHitType.PRACTICE]: 'Practice',
  [SearchHitType.PRINCIPLE]: 'Principle',
  [SearchHitType.REGION]: 'Region',
  [SearchHitType.ORGANIZATION]: 'Organization',
};
const TYPE_OF = new Map(Object.entries(LABEL_OF).map(([type, label]) => [label, type as SearchHitType]));

/** The labels to search for the kinds asked (all kinds when none are). */
export const labelsFor = (types: readonly SearchHitType[] | null | undefined): string[] =>
  (types?.length ? types : Object.values(SearchHitType)).map((t) => LABEL_OF[t]);

/** Ranked rows → hits with a global id and the snippet around the match. */
export function toHits(rows: readonly SearchRow[], text: string): SearchHit[] {
  return rows.map(({ label, key, rank, n }) => ({
    type: TYPE_OF.get(label) ?? SearchHitType.REGION,
    id: toGlobalId(label, key),
    name: n.name,
    nameEn: n.nameEn,
    score: rank,
    snippet: snippetFor(text, [n.name, n.nameEn, n.officialName, n.aliasesText, n.summary, n.summaryEn, n.description, n.descriptionEn, n.scale, n.scaleEn]),
    label,
    key,
  }));
}
