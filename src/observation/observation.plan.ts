import { citationsRelation } from '../citation/citation.plan';
import { type ConnectionArgs, orderOf, pageRelation } from '../core/page-relation';
import { one, type TypePlan } from '../core/plan';
import { IndicatorPlan } from '../indicator/indicator.plan';
import { PracticePlan } from '../practice/practice.plan';
import { RegionPlan } from '../region/region.plan';
import { observationPageKey } from './observation.loader';
import { ObservationEntity, observationShape } from './observation.repository';
import { type Observation, ObservationOrderField } from './observation.type';

/** A figure and what may be asked below it in the same statement. */
export const ObservationPlan: TypePlan<Observation> = {
  typeName: 'Observation',
  entity: ObservationEntity,
  relations: {
    indicator: one(
      () => IndicatorPlan,
      (v, x) => `MATCH (${v})-[:MEASURES]->(${x}:Indicator)`,
    ),
    region: one(
      () => RegionPlan,
      (v, x) => `MATCH (${v})-[:FOR]->(${x}:Region)`,
    ),
    practice: one(
      () => PracticePlan,
      (v, x) => `MATCH (${v})-[:ABOUT]->(${x}:Practice)`,
    ),
    citations: citationsRelation(),
  },
};

/** The root `observations` connection: its page and what is asked below it, in one statement. */
export const observationsRoot = pageRelation<
  null,
  ReturnType<typeof observationPageKey>,
  Observation
>({
  target: () => ObservationPlan,
  connectionType: 'ObservationConnection',
  edgeType: 'ObservationEdge',
  key: (a: ConnectionArgs, count) =>
    observationPageKey(
      a.filter,
      orderOf(ObservationOrderField, a.orderBy),
      a.first,
      a.after,
      count,
    ),
  shape: (key, statement) => observationShape(key, statement),
});
