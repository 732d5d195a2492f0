import { filteredPagesQuery, type PageKey } from '../core/pages';
import { SortDirection } from '../practice/practice.enums';
import { ObservationEntity } from './observation.entity';
import { ObservationOrderField, type ObservationOrder } from './observation.type';

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
    { match: '(o:Observation)-[:FOR]->(r:Region)', where: OBSERVATION_WHERE, orderBy: observationOrderBy(order), projection: ObservationEntity.projection('o') },
    ObservationEntity.decode,
    keys,
  );
