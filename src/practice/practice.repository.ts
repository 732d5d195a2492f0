import { z } from 'zod';
import { oneOf, optOneOf, optText, text } from '../core/db/decode';
import { citedBy, type Entity, projector } from '../core/entity';
import { toGlobalId } from '../core/global-id';
import { filteredPagesQuery, type PageKey } from '../core/pages';
import { toPartialDate } from '../core/partial-date.type';
import { DATE_PRECISIONS, PRACTICE_CATEGORIES, PRACTICE_STATUSES } from '../core/vocabulary';
import { SortDirection } from './practice.enums';
import { type Practice, type PracticeOrder, PracticeOrderField } from './practice.type';

const PROPS = ['id', 'name', 'nameEn', 'site', 'siteEn', 'category', 'status', 'startDate', 'startPrecision', 'scale', 'scaleEn', 'description', 'descriptionEn'] as const;

const practiceRow = z.object({
  id: text, name: text, nameEn: text, site: optText, siteEn: optText, category: oneOf(PRACTICE_CATEGORIES), status: oneOf(PRACTICE_STATUSES),
  startDate: optText, startPrecision: optOneOf(DATE_PRECISIONS), scale: optText, scaleEn: optText, description: optText, descriptionEn: optText,
  regionCode: text, citationIds: z.array(text),
});

export const PracticeEntity: Entity<Practice> = {
  label: 'Practice',
  key: 'id',
  node: true,
  indexes: ['status'],
  projection: projector(PROPS, (v) => ({ regionCode: `[(${v})-[:IN]->(x_reg:Region) | x_reg.code][0]`, citationIds: citedBy(v) })),
  decode: practiceRow.transform(
    (p): Practice => ({
      __typename: 'Practice', id: toGlobalId('Practice', p.id), key: p.id, name: p.name, nameEn: p.nameEn, site: p.site, siteEn: p.siteEn, category: p.category,
      status: p.status, started: toPartialDate(p.startDate, p.startPrecision), scale: p.scale, scaleEn: p.scaleEn, description: p.description,
      descriptionEn: p.descriptionEn, regionCode: p.regionCode, citationIds: p.citationIds,
    }),
  ),
};

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
export const practicePagesQuery = (keys: readonly PracticePageKey[], order: PracticeOrder) =>
  filteredPagesQuery({ match: '(p:Practice)-[:IN]->(r:Region)', where: PRACTICE_WHERE, orderBy: practiceOrderBy(order), node: 'p', projection: PracticeEntity.projection }, PracticeEntity.decode, keys);
