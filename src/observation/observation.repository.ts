import { z } from 'zod';
import { num, oneOf, optNum, optOneOf, optText, text } from '../core/db/decode';
import { citedBy, type Entity, projector } from '../core/entity';
import { toGlobalId } from '../core/global-id';
import { filteredPagesQuery, type PageKey } from '../core/pages';
import { COMPARISON_KINDS, QUALIFIERS, SOURCE_KINDS } from '../core/vocabulary';
import { SortDirection } from '../practice/practice.enums';
import { type Observation, type ObservationOrder, ObservationOrderField } from './observation.type';

const PROPS = ['id', 'value', 'unit', 'qualifier', 'period', 'periodStart', 'periodEnd', 'reported', 'reportedOffset', 'comparisonKind', 'basePeriod', 'scope', 'note', 'sourceKind'] as const;

/** The key of the node `v` reaches over `rel`, as a projection entry. */
const via = (v: string, rel: string, label: string, key: string) => `[(${v})-[:${rel}]->(x_n:${label}) | x_n.${key}][0]`;

const observationRow = z.object({
  id: text, value: num, unit: text, qualifier: oneOf(QUALIFIERS), period: text, periodStart: optText, periodEnd: optText, reported: text,
  reportedOffset: optNum, comparisonKind: optOneOf(COMPARISON_KINDS), basePeriod: optText, scope: optText, note: optText, sourceKind: oneOf(SOURCE_KINDS),
  regionCode: text, indicatorCode: text, practiceKey: optText, numeratorKey: optText, denominatorKey: optText, citationIds: z.array(text),
});

export const ObservationEntity: Entity<Observation> = {
  label: 'Observation',
  key: 'id',
  node: true,
  indexes: ['period'],
  projection: projector(PROPS, (v) => ({
      regionCode: via(v, 'FOR', 'Region', 'code'), indicatorCode: via(v, 'MEASURES', 'Indicator', 'code'), practiceKey: via(v, 'ABOUT', 'Practice', 'id'),
      numeratorKey: via(v, 'NUMERATOR', 'Observation', 'id'), denominatorKey: via(v, 'DENOMINATOR', 'Observation', 'id'), citationIds: citedBy(v),
    })),
  decode: observationRow.transform(
    (o): Observation => ({
      __typename: 'Observation', id: toGlobalId('Observation', o.id), key: o.id, value: o.value, unit: o.unit, qualifier: o.qualifier, period: o.period,
      periodStart: o.periodStart, periodEnd: o.periodEnd, reported: o.reported, reportedOffset: o.reportedOffset,
      comparison: o.comparisonKind ? { kind: o.comparisonKind, basePeriod: o.basePeriod } : null, scope: o.scope, note: o.note, sourceKind: o.sourceKind,
      indicatorCode: o.indicatorCode, regionCode: o.regionCode, practiceKey: o.practiceKey, numeratorKey: o.numeratorKey, denominatorKey: o.denominatorKey,
      citationIds: o.citationIds,
    }),
  ),
};

export interface ObservationCriteria {
  regionCode: string | null;
  includeSubregions: boolean;
  indicator: string | null;
  practice: string | null;
  model: string | null;
  periodFrom: string | null;
  periodTo: string | null;
  sourceKind: string | null;
}

export interface ObservationPageKey extends PageKey<ObservationCriteria> {
  readonly order: ObservationOrder;
}

const OBSERVATION_WHERE = `(k.f.regionCode IS NULL OR r.code = k.f.regionCode OR (k.f.includeSubregions AND r.code STARTS WITH k.f.regionCode))
  AND (k.f.indicator IS NULL OR EXISTS { (o)-[:MEASURES]->(:Indicator {code: k.f.indicator}) })
  AND (k.f.practice IS NULL OR EXISTS { (o)-[:ABOUT]->(:Practice {id: k.f.practice}) })
  AND (k.f.model IS NULL OR EXISTS { (o)-[:ABOUT]->(:Practice)-[:IMPLEMENTS]->(:GovernanceModel {slug: k.f.model}) })
  AND (k.f.periodFrom IS NULL OR o.periodEnd IS NULL OR o.periodEnd >= date(k.f.periodFrom))
  AND (k.f.periodTo IS NULL OR o.periodStart IS NULL OR o.periodStart <= date(k.f.periodTo))
  AND (k.f.sourceKind IS NULL OR o.sourceKind = k.f.sourceKind)`;

/** ORDER BY from the enum only (never from input text). */
export function observationOrderBy(order: ObservationOrder): string {
  const dir = order.direction === SortDirection.DESC ? 'DESC' : 'ASC';
  switch (order.field) {
    case ObservationOrderField.INDICATOR:
      return `[(o)-[:MEASURES]->(i:Indicator) | i.code][0] ${dir}, r.code, o.id`;
    case ObservationOrderField.PERIOD:
      return `o.periodEnd ${dir}, o.id`;
    case ObservationOrderField.VALUE:
      return `o.value ${dir}, o.id`;
    default:
      return `r.code ${dir}, o.id`;
  }
}

/** Many filtered pages (one per key) with the same ordering, in one round trip. */
export const observationPagesQuery = (keys: readonly ObservationPageKey[], order: ObservationOrder) =>
  filteredPagesQuery(
    { match: '(o:Observation)-[:FOR]->(r:Region)', where: OBSERVATION_WHERE, orderBy: observationOrderBy(order), node: 'o', projection: ObservationEntity.projection },
    ObservationEntity.decode,
    keys,
  );
