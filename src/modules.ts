import 'reflect-metadata';
import { authModule } from './auth/auth.module';
import { citationModule } from './citation/citation.module';
import { compareModule } from './compare/compare.module';
import type { CypherQuery } from './core/db/executor';
import { constraintStatements, type Entity, indexStatements } from './core/entity';
import type { DomainModule } from './core/module';
import { editingModule } from './editing/editing.module';
import { indicatorModule } from './indicator/indicator.module';
import { lineageModule } from './lineage/lineage.module';
import { modelModule } from './model/model.module';
import { nodeModule } from './node/node.module';
import { observationModule } from './observation/observation.module';
import { organizationModule } from './organization/organization.module';
import { pilotsModule } from './pilots/pilots.module';
import { practiceModule } from './practice/practice.module';
import { principleModule } from './principle/principle.module';
import { regionModule } from './region/region.module';
import { searchModule } from './search/search.module';
import { aboutModule } from './system/about.module';

/**
 * The registry: every domain module, one line each. The schema, `node` dispatch, constraints and
 * indexes, and the seed's reload keys are all derived from this list.
 */
export const MODULES: readonly DomainModule[] = [
  aboutModule,
  nodeModule,
  regionModule,
  modelModule,
  principleModule,
  practiceModule,
  observationModule,
  indicatorModule,
  citationModule,
  organizationModule,
  searchModule,
  lineageModule,
  compareModule,
  pilotsModule,
  authModule,
  editingModule,
];

export const ENTITIES: readonly Entity[] = MODULES.flatMap((m) => m.entities ?? []);

/**
 * The database schema: uniqueness constraints of every entity (needed before any write), then
 * indexes — the entities' property indexes and the modules' own (full-text) ones.
 */
export const SCHEMA: {
  readonly constraints: readonly CypherQuery[];
  readonly indexes: readonly CypherQuery[];
} = {
  constraints: [...constraintStatements(ENTITIES), ...MODULES.flatMap((m) => m.constraints ?? [])],
  indexes: [...indexStatements(ENTITIES), ...MODULES.flatMap((m) => m.schema ?? [])],
};

/** The entity with this Neo4j label. */
export function entityOf(label: string): Entity {
  const entity = ENTITIES.find((e) => e.label === label);
  if (!entity) throw new Error(`no entity is registered for label ${label}`);
  return entity;
}
