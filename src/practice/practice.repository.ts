import { z } from 'zod';
import { lazy, oneOf, text } from '../core/db/decode';
import { citedBy, type Entity, lazyByName, projector } from '../core/entity';
import { toGlobalId } from '../core/global-id';
import type { PageKey, PageShape } from '../core/pages';
import { toPartialDate } from '../core/partial-date.type';
import type { Statement } from '../core/plan';
import { DATE_PRECISIONS, PRACTICE_CATEGORIES, PRACTICE_STATUSES } from '../core/vocabulary';
import { rollsUpInto } from '../region/region-rollup';
import { SortDirection } from './practice-enums';
import { type Practice, type PracticeOrder, PracticeOrderField } from './practice.type';

const PROPS = [
  'id',
  'name',
  'nameEn',
  'site',
  'siteEn',
  'category',
  'status',
  'startDate',
  'startPrecision',
  'scale',
  'scaleEn',
  'description',
  'descriptionEn',
] as const;

const practiceRow = z.object({
  id: text,
  name: lazy.text,
  nameEn: lazy.text,
  site: lazy.optText,
  siteEn: lazy.optText,
  category: oneOf(PRACTICE_CATEGORIES),
  status: oneOf(PRACTICE_STATUSES),
  startDate: lazy.optText,
  startPrecision: lazy.optOneOf(DATE_PRECISIONS),
  scale: lazy.optText,
  scaleEn: lazy.optText,
  description: lazy.optText,
  descriptionEn: lazy.optText,
  regionCode: lazy.text,
  citationIds: lazy.texts,
});

export const PracticeEntity: Entity<Practice> = {
  label: 'Practice',
  key: 'id',
  node: true,
  indexes: ['status'],
  projection: projector(
    PROPS,
    (v) => ({
      regionCode: `[(${v})-[:IN]->(x_reg:Region) | x_reg.code][0]`,
      citationIds: citedBy(v),
    }),
    {
      ...lazyByName(['description', 'descriptionEn', 'scale', 'scaleEn', 'site', 'siteEn']),
      ...lazyByName(['name', 'nameEn']),
      startDate: { fields: ['started'] },
      startPrecision: { fields: ['started'] },
      regionCode: { fields: ['region'] },
      citationIds: { fields: ['citations'] },
    },
  ),
  decode: practiceRow.transform((p): Practice => ({
    __typename: 'Practice',
    id: toGlobalId('Practice', p.id),
    key: p.id,
    name: p.name ?? '',
    nameEn: p.nameEn ?? '',
    site: p.site ?? null,
    siteEn: p.siteEn ?? null,
    category: p.category,
    status: p.status,
    started: toPartialDate(p.startDate ?? null, p.startPrecision ?? null),
    scale: p.scale ?? null,
    scaleEn: p.scaleEn ?? null,
    description: p.description ?? null,
    descriptionEn: p.descriptionEn ?? null,
    regionCode: p.regionCode ?? '',
    citationIds: p.citationIds ?? [],
  })),
};

/** Filter values; every criterion is optional. */
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

export type PracticePageKey = PageKey<PracticeCriteria, PracticeOrder>;

/**
 * Criteria a parent supplies as Cypher expressions (`region.practices` reads the region's code).
 */
export type BoundCriteria = Partial<Record<'regionCode' | 'model', string>>;

/**
 * ORDER BY from the enum only (never from input text), over the practice `p` and its region `r`.
 */
export function practiceOrderBy(order: PracticeOrder, p = 'p', r = 'r'): string {
  const dir = order.direction === SortDirection.DESC ? 'DESC' : 'ASC';
  switch (order.field) {
    case PracticeOrderField.NAME:
      return `${p}.name ${dir}, ${p}.id`;
    case PracticeOrderField.REGION:
      return `${r}.code ${dir}, ${p}.id`;
    default:
      // Undated practices last in either direction (ascending puts nulls last by itself).
      return dir === 'ASC'
        ? `${p}.startSort, ${p}.id`
        : `${p}.startSort IS NULL, ${p}.startSort DESC, ${p}.id`;
  }
}

/**
 * The page's MATCH: from the regions under a code (a prefix seek on the code's index) when a
 * region is given, else from the model, else every practice; the other criteria filter.
 */
export function practiceShape(
  key: PracticePageKey,
  statement: Statement,
  bound: BoundCriteria = {},
): PageShape {
  const c = key.f;
  const p = statement.variable('p');
  const r = statement.variable('r');
  const value = (v: string | null) => (v === null ? null : statement.param(v));
  const region = bound.regionCode ?? value(c.regionCode);
  const model = bound.model ?? value(c.model);
  const where: string[] = [];
  let match: string;
  if (region) {
    match = c.includeSubregions
      ? `MATCH (${r}:Region) WHERE ${rollsUpInto(r, region)} MATCH (${p}:Practice)-[:IN]->(${r})`
      : `MATCH (${p}:Practice)-[:IN]->(${r}:Region {code: ${region}})`;
    if (model) where.push(`EXISTS { (${p})-[:IMPLEMENTS]->(:GovernanceModel {slug: ${model}}) }`);
  } else {
    // The region is bound only when the order needs it.
    const region = key.order.field === PracticeOrderField.REGION ? `-[:IN]->(${r}:Region)` : '';
    match = model
      ? `MATCH (:GovernanceModel {slug: ${model}})<-[:IMPLEMENTS]-(${p}:Practice)${region}`
      : `MATCH (${p}:Practice)${region}`;
  }
  if (c.status) where.push(`${p}.status = ${value(c.status)}`);
  if (c.category) where.push(`${p}.category = ${value(c.category)}`);
  if (c.principle)
    where.push(
      `EXISTS { (${p})-[:IMPLEMENTS]->(:GovernanceModel)-[:HAS_PRINCIPLE]->(:Principle {slug: ${value(c.principle)}}) }`,
    );
  if (c.startedFrom) where.push(`${p}.startSort >= date(${value(c.startedFrom)})`);
  if (c.startedTo) where.push(`${p}.startSort <= date(${value(c.startedTo)})`);
  return {
    match: where.length ? `${match} WHERE ${where.join(' AND ')}` : match,
    orderBy: practiceOrderBy(key.order, p, r),
    node: p,
  };
}
