import { citationsRelation } from '../citation/citation.plan';
import { orderOf, pageRelation, type ConnectionArgs } from '../core/pages';
import { one, type TypePlan } from '../core/plan';
import { indicatorByCode } from '../indicator/indicator.loader';
import { IndicatorPlan } from '../indicator/indicator.plan';
import { practiceByKey } from '../practice/practice.loader';
import { PracticePlan } from '../practice/practice.plan';
import { primeRegion, RegionPlan } from '../region/region.plan';
import { observationLoaders, observationPageKey } from './observation.loader';
import { ObservationEntity, observationShape } from './observation.repository';
import { ObservationOrderField, type Observation } from './observation.type';

/** A figure and what may be asked below it in the same statement. */
export const ObservationPlan: TypePlan<Observation> = {
  typeName: 'Observation',
  entity: ObservationEntity,
  relations: {
    indicator: one(() => IndicatorPlan, (v, x) => `MATCH (${v})-[:MEASURES]->(${x}:Indicator)`, (ctx, _o, indicator) => {
      if (indicator) indicatorByCode(ctx).prime(indicator.code, indicator);
    }),
    region: one(() => RegionPlan, (v, x) => `MATCH (${v})-[:FOR]->(${x}:Region)`, (ctx, _o, region) => primeRegion(ctx, region)),
    practice: one(() => PracticePlan, (v, x) => `MATCH (${v})-[:ABOUT]->(${x}:Practice)`, (ctx, _o, practice) => {
      if (practice) practiceByKey(ctx).prime(practice.key, practice);
    }),
    citations: citationsRelation(),
  },
};

/** The root `observations` connection: its page and what is asked below it, in one statement. */
export const observationsRoot = pageRelation({
  target: () => ObservationPlan,
  connectionType: 'ObservationConnection',
  edgeType: 'ObservationEdge',
  key: (_parent: null, a: ConnectionArgs, count) => observationPageKey(a.filter, orderOf(ObservationOrderField, a.orderBy), a.first, a.after, count),
  shape: (key, statement) => observationShape(key, statement),
  loader: (ctx) => observationLoaders(ctx).pages,
});
