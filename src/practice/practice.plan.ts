import { citationsRelation } from '../citation/citation.plan';
import { orderOf, pageRelation, type ConnectionArgs } from '../core/pages';
import { one, type TypePlan } from '../core/plan';
import { modelsOfPracticeRelation } from '../model/model.plan';
import { observationLoaders, observationPageKey } from '../observation/observation.loader';
import { ObservationPlan } from '../observation/observation.plan';
import { observationShape } from '../observation/observation.repository';
import { primeRegion, RegionPlan } from '../region/region.plan';
import { practiceLoaders, practicePageKey } from './practice.loader';
import { PracticeEntity, practiceShape } from './practice.repository';
import { PracticeOrderField, type Practice } from './practice.type';

/** A practice and what may be asked below it in the same statement. */
export const PracticePlan: TypePlan<Practice> = {
  typeName: 'Practice',
  entity: PracticeEntity,
  relations: {
    region: one(() => RegionPlan, (v, x) => `MATCH (${v})-[:IN]->(${x}:Region)`, (ctx, _p, region) => primeRegion(ctx, region)),
    models: modelsOfPracticeRelation,
    citations: citationsRelation(),
    observations: pageRelation({
      target: () => ObservationPlan,
      connectionType: 'ObservationConnection',
      edgeType: 'ObservationEdge',
      key: (parent: Practice | null, a: ConnectionArgs, count) => observationPageKey({ practice: parent?.key ?? null }, null, a.first, a.after, count),
      shape: (key, statement, v) => observationShape(key, statement, v ? { practice: `${v}.id` } : {}),
      loader: (ctx) => observationLoaders(ctx).pages,
    }),
  },
};

/** The root `practices` connection: its page and what is asked below it, in one statement. */
export const practicesRoot = pageRelation({
  target: () => PracticePlan,
  connectionType: 'PracticeConnection',
  edgeType: 'PracticeEdge',
  key: (_parent: null, a: ConnectionArgs, count) => practicePageKey(a.filter, orderOf(PracticeOrderField, a.orderBy), a.first, a.after, count),
  shape: (key, statement) => practiceShape(key, statement),
  loader: (ctx) => practiceLoaders(ctx).pages,
});
