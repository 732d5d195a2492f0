import { citationsRelation } from '../citation/citation.plan';
import { IntegrityError } from '../core/errors';
import { many, type Relation, type TypePlan } from '../core/plan';
import type { Practice } from '../practice/practice.type';
import { modelBySlug, modelLoaders } from './model.loader';
import { COMPONENTS, componentsExpression, ModelEntity } from './model.repository';
import type { GovernanceModel } from './model.type';

/** A model's components, fetched with it: both `principles` and `components` read them. */
const componentsRelation: Relation<GovernanceModel> = {
  compile: (v, _tree, statement) => componentsExpression(v, statement.variable('h'), statement.variable('x')),
  prime(ctx, model, raw) {
    const components = COMPONENTS.safeParse(raw);
    if (!components.success) throw new IntegrityError(`the components of ${model.slug} do not have the expected shape`, components.error);
    modelLoaders(ctx).components.prime(model.slug, components.data);
  },
};

export const ModelPlan: TypePlan<GovernanceModel> = {
  typeName: 'GovernanceModel',
  entity: ModelEntity,
  relations: { principles: componentsRelation, components: componentsRelation, citations: citationsRelation() },
};

/** The models a practice implements, by slug, as its `models` field lists them. */
export const modelsOfPracticeRelation: Relation<Practice> = many<Practice, GovernanceModel>(
  () => ModelPlan,
  (v, x) => `MATCH (${v})-[:IMPLEMENTS]->(${x}:GovernanceModel)`,
  (x) => `${x}.slug`,
  (ctx, practice, models) => {
    modelLoaders(ctx).ofPractice.prime(practice.key, models);
    for (const m of models) modelBySlug(ctx).prime(m.slug, m);
  },
);
