import { z } from 'zod';
import { num, oneOf, optNum, optOneOf, optText, text, texts } from '../core/db/decode';
import { citedBy, mapProjection, type Entity } from '../core/entity';
import { toGlobalId } from '../core/global-id';
import { COMPARISON_KINDS, QUALIFIERS, SOURCE_KINDS } from '../core/vocabulary';
import type { Observation } from './observation.type';

const PROPS = ['id', 'value', 'unit', 'qualifier', 'period', 'periodStart', 'periodEnd', 'reported', 'reportedOffset', 'comparisonKind', 'basePeriod', 'scope', 'note', 'sourceKind'] as const;

/** The key of the node `v` reaches over `rel`, as a projection entry. */
const via = (v: string, rel: string, label: string, key: string) => `[(${v})-[:${rel}]->(x_n:${label}) | x_n.${key}][0]`;

const observationRow = z.object({
  id: text, value: num, unit: text, qualifier: oneOf(QUALIFIERS), period: text, periodStart: optText, periodEnd: optText, reported: text,
  reportedOffset: optNum, comparisonKind: optOneOf(COMPARISON_KINDS), basePeriod: optText, scope: optText, note: optText, sourceKind: oneOf(SOURCE_KINDS),
  regionCode: text, indicatorCode: text, practiceKey: optText, numeratorKey: optText, denominatorKey: optText, citationIds: texts,
});

export const ObservationEntity: Entity<Observation> = {
  label: 'Observation',
  key: 'id',
  node: true,
  indexes: ['period'],
  projection: (v) =>
    mapProjection(v, PROPS, {
      regionCode: via(v, 'FOR', 'Region', 'code'), indicatorCode: via(v, 'MEASURES', 'Indicator', 'code'), practiceKey: via(v, 'ABOUT', 'Practice', 'id'),
      numeratorKey: via(v, 'NUMERATOR', 'Observation', 'id'), denominatorKey: via(v, 'DENOMINATOR', 'Observation', 'id'), citationIds: citedBy(v),
    }),
  decode: observationRow.transform(
    ({ id, comparisonKind, basePeriod, ...o }): Observation => ({
      ...o, __typename: 'Observation', id: toGlobalId('Observation', id), key: id, comparison: comparisonKind ? { kind: comparisonKind, basePeriod } : null,
    }),
  ),
};
