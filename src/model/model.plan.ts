import { citationsRelation } from '../citation/citation.plan';
import { IntegrityError } from '../core/errors';
import { many, type Relation, type ResolveTree, type TypePlan } from '../core/plan';
import { selectionOf } from '../core/selection';
import type { Practice } from '../practice/practice.type';
import { PrinciplePlan } from '../principle/principle.plan';
import { COMPONENTS, componentsExpression, ModelEntity } from './model.repository';
import type { GovernanceModel } from './model.type';

/**
 * The principle fields a selection reads: on `principles` directly, on `components` under
 * `principle`.
 */
const principleFields = (tree: ResolveTree): ReadonlySet<string> => {
  const direct = Object.values(selectionOf(tree, 'Principle'));
  const nested = Object.values(selectionOf(tree, 'ModelComponent')).flatMap((f) =>
    f.name === 'principle' ? Object.values(selectionOf(f, 'Principle')) : [],
  );
  return new Set([...direct, ...nested].map((f) => f.name));
};

/** A model's components, fetched with it (its `components` field). */
const componentsRelation: Relation<GovernanceModel> = {
  compile: (v, tree, statement) =>
    componentsExpression(
      v,
      statement.variable('h'),
      statement.variable('x'),
      principleFields(tree),
    ),
  read(model, raw) {
    const components = COMPONENTS.safeParse(raw);
    if (!components.success)
      throw new IntegrityError(
        `the components of ${model.slug} do not have the expected shape`,
        components.error,
      );
    return components.data;
  },
};

export const ModelPlan: TypePlan<GovernanceModel> = {
  typeName: 'GovernanceModel',
  entity: ModelEntity,
  relations: {
    components: componentsRelation,
    principles: many(
      () => PrinciplePlan,
      (v, x) => `MATCH (${v})-[h_${x}:HAS_PRINCIPLE]->(${x}:Principle)`,
      (x) => `h_${x}.order`,
    ),
    citations: citationsRelation(),
  },
};

/** The models a practice implements, by slug, as its `models` field lists them. */
export const modelsOfPracticeRelation: Relation<Practice> = many<Practice, GovernanceModel>(
  () => ModelPlan,
  (v, x) => `MATCH (${v})-[:IMPLEMENTS]->(${x}:GovernanceModel)`,
  (x) => `${x}.slug`,
);
