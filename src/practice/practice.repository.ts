import { toGlobalId } from '../common/global-id';
import { filteredPagesQuery, type PageKey } from '../common/pages.query';
import type { CypherQuery, Row } from '../db/executor';
import { periodBounds } from '../seed/period';
import type { DatePrecision, PartialDate } from '../common/partial-date.type';
import { SortDirection, type PracticeCategory, type PracticeStatus } from './practice.enums';
import { PracticeOrderField, type Practice, type PracticeOrder } from './practice.type';

export const PRACTICE_FIELDS = `p {.id, .name, .nameEn, .site, .siteEn, .category, .status, .startDate, .startPrecision, .scale, .scaleEn,
  .description, .descriptionEn, regionCode: r.code, citationIds: [(p)-[:CITED_BY]->(c:Citation) | c.id]}`;

export function toPartialDate(value: unknown, precision: unknown): PartialDate | null {
  if (typeof value !== 'string' || !value) return null;
  const { start, end } = periodBounds(value);
  return { value, precision: precision as DatePrecision, earliest: start!, latest: end! };
}

export const toPractice = (p: Row): Practice =>
  ({
    __typename: 'Practice', id: toGlobalId('Practice', String(p.id)), key: String(p.id), name: String(p.name), nameEn: String(p.nameEn),
    site: (p.site as string) ?? null, siteEn: (p.siteEn as string) ?? null, category: p.category as PracticeCategory, status: p.status as PracticeStatus,
    started: toPartialDate(p.startDate, p.startPrecision), scale: (p.scale as string) ?? null, scaleEn: (p.scaleEn as string) ?? null,
    description: (p.description as string) ?? null, descriptionEn: (p.descriptionEn as string) ?? null,
    regionCode: String(p.regionCode), citationIds: (p.citationIds as string[]) ?? [],
  }) as unknown as Practice;

export const practicesByIdsQuery = (ids: readonly string[]): CypherQuery => ({
  cypher: `UNWIND $ids AS id MATCH (p:Practice {id: id})-[:IN]->(r:Region) RETURN ${PRACTICE_FIELDS} AS p`,
  params: { ids },
});

/** Filter values as Cypher parameters; every criterion is optional. */
export interface PracticeCriteria {
  regionCode: string | null;
  includeSubregions: boolean;
  model: string | null;
  principle: string | null;
  status: string | null;
  category: string | null;
  startedFrom: string | null;
  startedTo: string | null;
}

export interface PracticePageKey extends PageKey<PracticeCriteria> {
  readonly order: PracticeOrder;
}

const PRACTICE_WHERE = `(k.f.regionCode IS NULL OR r.code = k.f.regionCode OR (k.f.includeSubregions AND r.code STARTS WITH k.f.regionCode))
  AND (k.f.status IS NULL OR p.status = k.f.status)
  AND (k.f.category IS NULL OR p.category = k.f.category)
  AND (k.f.model IS NULL OR EXISTS { (p)-[:IMPLEMENTS]->(:GovernanceModel {slug: k.f.model}) })
  AND (k.f.principle IS NULL OR EXISTS { (p)-[:IMPLEMENTS]->(:GovernanceModel)-[:HAS_PRINCIPLE]->(:Principle {slug: k.f.principle}) })
  AND (k.f.startedFrom IS NULL OR p.startSort >= date(k.f.startedFrom))
  AND (k.f.startedTo IS NULL OR p.startSort <= date(k.f.startedTo))`;

/** ORDER BY from the enum only (never from input text). */
export function practiceOrderBy(order: PracticeOrder): string {
  const dir = order.direction === SortDirection.DESC ? 'DESC' : 'ASC';
  switch (order.field) {
    case PracticeOrderField.NAME:
      return `p.name ${dir}, p.id`;
    case PracticeOrderField.REGION:
      return `r.code ${dir}, p.id`;
    default:
      // Undated practices last in either direction.
      return `p.startSort IS NULL, p.startSort ${dir}, p.id`;
  }
}

/** Many filtered pages (one per key) with the same ordering, in one round trip. */
export const practicePagesQuery = (keys: readonly PracticePageKey[], order: PracticeOrder): CypherQuery =>
  filteredPagesQuery({ match: '(p:Practice)-[:IN]->(r:Region)', where: PRACTICE_WHERE, orderBy: practiceOrderBy(order), projection: PRACTICE_FIELDS }, keys);
