import { toGlobalId } from '../common/global-id';
import { filteredPagesQuery, type PageKey } from '../common/pages.query';
import type { CypherQuery, Row } from '../db/executor';
import type { SourceKind } from '../citation/citation.type';
import { SortDirection } from '../practice/practice.enums';
import { ObservationOrderField, type ComparisonKind, type Observation, type ObservationOrder, type Qualifier } from './observation.type';

/** The projection of an observation `o` reported for region `r`; `extra` adds `key: expr` pairs. */
export const observationFields = (extra = '') => `o {.id, .value, .unit, .qualifier, .period, .periodStart, .periodEnd, .reported, .reportedOffset, .comparisonKind, .basePeriod, .scope, .note, .sourceKind,
  regionCode: r.code, indicatorCode: [(o)-[:MEASURES]->(i:Indicator) | i.code][0], practiceKey: [(o)-[:ABOUT]->(p:Practice) | p.id][0],
  numeratorKey: [(o)-[:NUMERATOR]->(x:Observation) | x.id][0], denominatorKey: [(o)-[:DENOMINATOR]->(x:Observation) | x.id][0],
  citationIds: [(o)-[:CITED_BY]->(c:Citation) | c.id]${extra ? `, ${extra}` : ''}}`;
export const OBSERVATION_FIELDS = observationFields();

export const toObservation = (o: Row): Observation =>
  ({
    __typename: 'Observation', id: toGlobalId('Observation', String(o.id)), key: String(o.id), value: Number(o.value), unit: String(o.unit),
    qualifier: o.qualifier as Qualifier, period: String(o.period), periodStart: (o.periodStart as string) ?? null, periodEnd: (o.periodEnd as string) ?? null,
    reported: String(o.reported), reportedOffset: (o.reportedOffset as number) ?? null, comparison: o.comparisonKind ? { kind: o.comparisonKind as ComparisonKind, basePeriod: (o.basePeriod as string) ?? null } : null,
    scope: (o.scope as string) ?? null, note: (o.note as string) ?? null, sourceKind: o.sourceKind as SourceKind,
    indicatorCode: String(o.indicatorCode), regionCode: String(o.regionCode), practiceKey: (o.practiceKey as string) ?? null,
    numeratorKey: (o.numeratorKey as string) ?? null, denominatorKey: (o.denominatorKey as string) ?? null, citationIds: (o.citationIds as string[]) ?? [],
  }) as unknown as Observation;

export const observationsByIdsQuery = (ids: readonly string[]): CypherQuery => ({
  cypher: `UNWIND $ids AS id MATCH (o:Observation {id: id})-[:FOR]->(r:Region) RETURN ${OBSERVATION_FIELDS} AS o`,
  params: { ids },
});

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

export const observationPagesQuery = (keys: readonly ObservationPageKey[], order: ObservationOrder): CypherQuery =>
  filteredPagesQuery({ match: '(o:Observation)-[:FOR]->(r:Region)', where: OBSERVATION_WHERE, orderBy: observationOrderBy(order), projection: OBSERVATION_FIELDS }, keys);
