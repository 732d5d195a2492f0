import { type ConnectionArgs, orderOf, pageRelation } from '../core/page-relation';
import { one, type TypePlan } from '../core/plan';
import { observationPageKey } from '../observation/observation.loader';
import { ObservationPlan } from '../observation/observation.plan';
import { observationShape } from '../observation/observation.repository';
import { ObservationOrderField } from '../observation/observation.type';
import { practicePageKey } from '../practice/practice.loader';
import { PracticePlan } from '../practice/practice.plan';
import { practiceShape } from '../practice/practice.repository';
import { PracticeOrderField } from '../practice/practice.type';
import { RegionEntity } from './region.repository';
import type { Region } from './region.type';

/**
 * A region and what may be asked below it in the same statement: its parent, its practices and
 * figures.
 */
export const RegionPlan: TypePlan<Region> = {
  typeName: 'Region',
  entity: RegionEntity,
  relations: {
    parent: one(
      () => RegionPlan,
      (v, x) => `MATCH (${v})-[:PART_OF]->(${x}:Region)`,
    ),
    practices: pageRelation({
      target: () => PracticePlan,
      connectionType: 'PracticeConnection',
      edgeType: 'PracticeEdge',
      key: (a: ConnectionArgs, count) =>
        practicePageKey(
          { ...a.filter, includeSubregions: a.includeSubregions },
          orderOf(PracticeOrderField, a.orderBy),
          a.first,
          a.after,
          count,
        ),
      shape: (key, statement, v) =>
        practiceShape(key, statement, v ? { regionCode: `${v}.code` } : {}),
    }),
    observations: pageRelation({
      target: () => ObservationPlan,
      connectionType: 'ObservationConnection',
      edgeType: 'ObservationEdge',
      key: (a: ConnectionArgs, count) =>
        observationPageKey(
          { ...a.filter, includeSubregions: a.includeSubregions },
          orderOf(ObservationOrderField, a.orderBy),
          a.first,
          a.after,
          count,
        ),
      shape: (key, statement, v) =>
        observationShape(key, statement, v ? { regionCode: `${v}.code` } : {}),
    }),
  },
};
