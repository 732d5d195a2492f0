import { z } from 'zod';
import { lazy, num, text } from '../core/db/decode';
import { citedBy, type Entity, lazyByName, projector } from '../core/entity';
import { toGlobalId } from '../core/global-id';
import type { PageKey, PageShape } from '../core/pages';
import type { Statement } from '../core/plan';
import { COMPARISON_KINDS, PERIOD_KINDS, QUALIFIERS, SOURCE_KINDS } from '../core/vocabulary';
import { SortDirection } from '../practice/practice-enums';
import { rollsUpInto } from '../region/region-rollup';
import { type Observation, type ObservationOrder, ObservationOrderField } from './observation.type';

const PROPS = [
  'id',
  'value',
  'unit',
  'qualifier',
  'periodKind',
  'period',
  'periodStart',
  'periodEnd',
  'reported',
  'reportedOffset',
  'comparisonKind',
  'basePeriod',
  'scope',
  'note',
  'sourceKind',
  'computedValue',
  'discrepancyNote',
] as const;

/** The key of the node `v` reaches over `rel`, as a projection entry. */
const via = (v: string, rel: string, label: string, key: string) =>
  `[(${v})-[:${rel}]->(x_n:${label}) | x_n.${key}][0]`;

const observationRow = z.object({
  id: text,
  value: num,
  unit: lazy.text,
  qualifier: lazy.optOneOf(QUALIFIERS),
  periodKind: lazy.optOneOf(PERIOD_KINDS),
  period: lazy.optText,
  periodStart: lazy.optText,
  periodEnd: lazy.optText,
  reported: lazy.text,
  reportedOffset: lazy.optNum,
  comparisonKind: lazy.optOneOf(COMPARISON_KINDS),
  basePeriod: lazy.optText,
  scope: lazy.optText,
  note: lazy.optText,
  sourceKind: lazy.optOneOf(SOURCE_KINDS),
  computedValue: lazy.optNum,
  discrepancyNote: lazy.optText,
  regionCode: lazy.text,
  indicatorCode: lazy.text,
  practiceKey: lazy.optText,
  numeratorKey: lazy.optText,
  denominatorKey: lazy.optText,
  citationIds: lazy.texts,
});

export const ObservationEntity: Entity<Observation> = {
  label: 'Observation',
  key: 'id',
  node: true,
  indexes: ['period'],
  projection: projector(
    PROPS,
    (v) => ({
      regionCode: via(v, 'FOR', 'Region', 'code'),
      indicatorCode: via(v, 'MEASURES', 'Indicator', 'code'),
      practiceKey: via(v, 'ABOUT', 'Practice', 'id'),
      numeratorKey: via(v, 'NUMERATOR', 'Observation', 'id'),
      denominatorKey: via(v, 'DENOMINATOR', 'Observation', 'id'),
      citationIds: citedBy(v),
    }),
    {
      // Plain values too are read only when selected: a page of 50 figures reads 4 properties each,
      // not 14.
      ...lazyByName([
        'qualifier',
        'periodKind',
        'period',
        'periodStart',
        'periodEnd',
        'reported',
        'reportedOffset',
        'scope',
        'sourceKind',
      ]),
      unit: { fields: ['unit', 'unitInfo'] },
      comparisonKind: { fields: ['comparison'] },
      basePeriod: { fields: ['comparison'] },
      note: { fields: ['note'] },
      computedValue: { fields: ['discrepancy'] },
      discrepancyNote: { fields: ['discrepancy'] },
      citationIds: { fields: ['citations'] },
      practiceKey: { fields: ['practice'] },
      numeratorKey: { fields: ['numerator', 'computedRate'] },
      denominatorKey: { fields: ['denominator', 'computedRate'] },
      indicatorCode: { fields: ['indicator'] },
      regionCode: { fields: ['region'] },
    },
  ),
  decode: observationRow.transform((o): Observation => ({
    __typename: 'Observation',
    id: toGlobalId('Observation', o.id),
    key: o.id,
    value: o.value,
    unit: o.unit ?? '',
    qualifier: o.qualifier ?? 'EXACT',
    periodKind: o.periodKind ?? 'YEAR',
    period: o.period ?? null,
    periodStart: o.periodStart ?? null,
    periodEnd: o.periodEnd ?? null,
    reported: o.reported ?? '',
    reportedOffset: o.reportedOffset ?? null,
    comparison: o.comparisonKind
      ? { kind: o.comparisonKind, basePeriod: o.basePeriod ?? null }
      : null,
    scope: o.scope ?? null,
    note: o.note ?? null,
    sourceKind: o.sourceKind ?? SOURCE_KINDS[0],
    discrepancy:
      o.computedValue != null ? { computed: o.computedValue, note: o.discrepancyNote ?? '' } : null,
    indicatorCode: o.indicatorCode ?? '',
    regionCode: o.regionCode ?? '',
    practiceKey: o.practiceKey ?? null,
    numeratorKey: o.numeratorKey ?? null,
    denominatorKey: o.denominatorKey ?? null,
    citationIds: o.citationIds ?? [],
  })),
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
  periodKinds: readonly string[] | null;
  discrepancy: boolean | null;
}

export type ObservationPageKey = PageKey<ObservationCriteria, ObservationOrder>;

/**
 * Criteria a parent supplies as Cypher expressions (`practice.observations` reads the practice's
 * key …).
 */
export type BoundCriteria = Partial<
  Record<'regionCode' | 'practice' | 'indicator' | 'model', string>
>;

/** ORDER BY from the enum only (never from input text), over the figure `o` and its region `r`. */
export function observationOrderBy(order: ObservationOrder, o = 'o', r = 'r'): string {
  const dir = order.direction === SortDirection.DESC ? 'DESC' : 'ASC';
  switch (order.field) {
    case ObservationOrderField.INDICATOR:
      return `[(${o})-[:MEASURES]->(x_i:Indicator) | x_i.code][0] ${dir}, ${r}.code, ${o}.id`;
    case ObservationOrderField.PERIOD:
      return `${o}.periodEnd ${dir}, ${o}.id`;
    case ObservationOrderField.VALUE:
      return `${o}.value ${dir}, ${o}.id`;
    default:
      return `${r}.code ${dir}, ${o}.id`;
  }
}

/**
 * The page's MATCH, starting from the most selective criterion present: the regions under a code
 * (a prefix seek), the practice, the indicator or the model; the other criteria filter.
 */
export function observationShape(
  key: ObservationPageKey,
  statement: Statement,
  bound: BoundCriteria = {},
): PageShape {
  const c = key.f;
  const o = statement.variable('o');
  const r = statement.variable('r');
  const value = (name: keyof BoundCriteria, v: string | null) =>
    bound[name] ?? (v === null ? null : statement.param(v));
  const region = value('regionCode', c.regionCode);
  const practice = value('practice', c.practice);
  const indicator = value('indicator', c.indicator);
  const model = value('model', c.model);
  const where: string[] = [];
  const figure = `(${o}:Observation)-[:FOR]->(${r}:Region)`;
  let match: string;
  if (region)
    match = c.includeSubregions
      ? `MATCH (${r}:Region) WHERE ${rollsUpInto(r, region)} MATCH (${o}:Observation)-[:FOR]->(${r})`
      : `MATCH (${o}:Observation)-[:FOR]->(${r}:Region {code: ${region}})`;
  else if (practice) match = `MATCH (:Practice {id: ${practice}})<-[:ABOUT]-${figure}`;
  else if (indicator) match = `MATCH (:Indicator {code: ${indicator}})<-[:MEASURES]-${figure}`;
  else if (model)
    match = `MATCH (:GovernanceModel {slug: ${model}})<-[:IMPLEMENTS]-(:Practice)<-[:ABOUT]-${figure}`;
  else match = `MATCH ${figure}`;
  if (practice && region) where.push(`EXISTS { (${o})-[:ABOUT]->(:Practice {id: ${practice}}) }`);
  if (indicator && (region || practice))
    where.push(`EXISTS { (${o})-[:MEASURES]->(:Indicator {code: ${indicator}}) }`);
  if (model && (region || practice || indicator))
    where.push(
      `EXISTS { (${o})-[:ABOUT]->(:Practice)-[:IMPLEMENTS]->(:GovernanceModel {slug: ${model}}) }`,
    );
  // An undated figure holds for no period, so it never matches one.
  if (c.periodFrom || c.periodTo) where.push(`${o}.periodKind <> 'UNDATED'`);
  if (c.periodFrom)
    where.push(
      `(${o}.periodEnd IS NULL OR ${o}.periodEnd >= date(${statement.param(c.periodFrom)}))`,
    );
  if (c.periodTo)
    where.push(
      `(${o}.periodStart IS NULL OR ${o}.periodStart <= date(${statement.param(c.periodTo)}))`,
    );
  if (c.sourceKind) where.push(`${o}.sourceKind = ${statement.param(c.sourceKind)}`);
  if (c.periodKinds) where.push(`${o}.periodKind IN ${statement.param(c.periodKinds)}`);
  if (c.discrepancy !== null) where.push(`${o}.discrepancy IS ${c.discrepancy ? 'NOT ' : ''}NULL`);
  return {
    match: where.length ? `${match} WHERE ${where.join(' AND ')}` : match,
    orderBy: observationOrderBy(key.order, o, r),
    node: o,
  };
}
