import { citationsRelation } from '../citation/citation.plan';
import { type ConnectionArgs, orderOf, pageRelation } from '../core/page-relation';
import { one, type TypePlan } from '../core/plan';
import { modelsOfPracticeRelation } from '../model/model.plan';
import { observationPageKey } from '../observation/observation.loader';
import { ObservationPlan } from '../observation/observation.plan';
import { observationShape } from '../observation/observation.repository';
import { RegionPlan } from '../region/region.plan';
import { practicePageKey } from './practice.loader';
import { PracticeEntity, practiceShape } from './practice.repository';
import { type Practice, PracticeOrderField } from './practice.type';

/** A practice and what may be asked below it in the same statement. */
export const PracticePlan: TypePlan<Practice> = {
  typeName: 'Practice',
  entity: PracticeEntity,
  relations: {
    region: one(
      () => RegionPlan,
      (v, x) => `MATCH (${v})-[:IN]->(${x}:Region)`,
    ),
    models: modelsOfPracticeRelation,
    citations: citationsRelation(),
    observations: pageRelation({
      target: () => ObservationPlan,
      connectionType: 'ObservationConnection',
      edgeType: 'ObservationEdge',
      key: (a: ConnectionArgs, count) => observationPageKey({}, null, a.first, a.after, count),
      shape: (key, statement, v) =>
        observationShape(key, statement, v ? { practice: `${v}.id` } : {}),
    }),
  },
};

/** The root `practices` connection: its page and what is asked below it, in one statement. */
export const practicesRoot = pageRelation<null, ReturnType<typeof practicePageKey>, Practice>({
  target: () => PracticePlan,
  connectionType: 'PracticeConnection',
  edgeType: 'PracticeEdge',
  key: (a: ConnectionArgs, count) =>
    practicePageKey(a.filter, orderOf(PracticeOrderField, a.orderBy), a.first, a.after, count),
  shape: (key, statement) => practiceShape(key, statement),
});
