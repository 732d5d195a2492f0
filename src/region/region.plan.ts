import type { Context } from '../core/context';
import { orderOf, pageRelation, type ConnectionArgs } from '../core/pages';
import { ObservationOrderField } from '../observation/observation.type';
import { PracticeOrderField } from '../practice/practice.type';
import { one, type TypePlan } from '../core/plan';
import { observationLoaders, observationPageKey } from '../observation/observation.loader';
import { ObservationPlan } from '../observation/observation.plan';
import { observationShape } from '../observation/observation.repository';
import { practiceLoaders, practicePageKey } from '../practice/practice.loader';
import { PracticePlan } from '../practice/practice.plan';
import { practiceShape } from '../practice/practice.repository';
import { regionByCode } from './region.loader';
import { RegionEntity } from './region.repository';
import type { Region } from './region.type';

/** Primes the region loader with a region fetched as part of another answer. */
export const primeRegion = (ctx: Context, region: Region | null) => {
  if (region) regionByCode(ctx).prime(region.code, region);
};

/** A region and what may be asked below it in the same statement: its parent, its practices and figures. */
export const RegionPlan: TypePlan<Region> = {
  typeName: 'Region',
  entity: RegionEntity,
  relations: {
    parent: one(() => RegionPlan, (v, x) => `MATCH (${v})-[:PART_OF]->(${x}:Region)`, (ctx, _parent, child) => primeRegion(ctx, child)),
    practices: pageRelation({
      target: () => PracticePlan,
      connectionType: 'PracticeConnection',
      edgeType: 'PracticeEdge',
      key: (parent: Region | null, a: ConnectionArgs, count) => practicePageKey({ ...a.filter, regionCode: parent?.code ?? null, includeSubregions: a.includeSubregions }, orderOf(PracticeOrderField, a.orderBy), a.first, a.after, count),
      shape: (key, statement, v) => practiceShape(key, statement, v ? { regionCode: `${v}.code` } : {}),
      loader: (ctx) => practiceLoaders(ctx).pages,
    }),
    observations: pageRelation({
      target: () => ObservationPlan,
      connectionType: 'ObservationConnection',
      edgeType: 'ObservationEdge',
      key: (parent: Region | null, a: ConnectionArgs, count) => observationPageKey({ ...a.filter, regionCode: parent?.code ?? null, includeSubregions: a.includeSubregions }, orderOf(ObservationOrderField, a.orderBy), a.first, a.after, count),
      shape: (key, statement, v) => observationShape(key, statement, v ? { regionCode: `${v}.code` } : {}),
      loader: (ctx) => observationLoaders(ctx).pages,
    }),
  },
};
