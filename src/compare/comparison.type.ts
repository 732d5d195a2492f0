import { GraphQLNonNegativeInt } from 'graphql-scalars';
import { Field, ObjectType } from 'type-graphql';
import { Indicator } from '../indicator/indicator.type';
import { Adoption, GovernanceModel } from '../model/model.type';
import { Observation } from '../observation/observation.type';
import { Principle } from '../principle/principle.type';

@ObjectType({ description: 'One model in a comparison.' })
export class ModelSide {
  @Field(() => GovernanceModel, { description: 'The model.' })
  model!: GovernanceModel;

  @Field(() => [Principle], { description: "All its principles, in its source's order." })
  principles!: Principle[];

  @Field(() => [Principle], { description: 'Principles only this model has among those compared.' })
  onlyPrinciples!: Principle[];

  @Field(() => [Adoption], { description: 'Where it was adopted, by start date.' })
  adopters!: Adoption[];

  @Field(() => GraphQLNonNegativeInt, { description: 'How many practices implement it.' })
  practiceCount!: number;
}

@ObjectType({ description: 'A principle and which of the compared models use it.' })
export class PrincipleUse {
  @Field(() => Principle, { description: 'The principle.' })
  principle!: Principle;

  @Field(() => [GovernanceModel], { description: 'The compared models built on it.' })
  models!: GovernanceModel[];
}

@ObjectType({ description: 'A figure reported about a practice of one of the compared models.' })
export class ComparedFigure {
  @Field(() => GovernanceModel, { description: 'The model whose practice reports it.' })
  model!: GovernanceModel;

  @Field(() => Observation, { description: 'The figure.' })
  observation!: Observation;
}

@ObjectType({
  description:
    'The figures of one indicator across the compared models, and whether they can be set side ' +
    'by side.',
})
export class IndicatorFigures {
  @Field(() => Indicator, { description: 'What the figures measure.' })
  indicator!: Indicator;

  @Field(() => [ComparedFigure], { description: 'The figures, with the model each belongs to.' })
  figures!: ComparedFigure[];

  @Field({
    description:
      'False when unit, period, source kind, scope, denominator or area level differ, or only ' +
      'one model reports it.',
  })
  comparable!: boolean;

  @Field(() => [String], { description: 'Each difference, named.' })
  notes!: string[];
}

@ObjectType({
  description:
    'Models side by side: principles shared and distinct, adopters, practices and figures.',
})
export class ModelComparison {
  @Field(() => [GovernanceModel], { description: 'The models compared, in the order asked.' })
  models!: GovernanceModel[];

  @Field(() => [Principle], { description: 'Principles every compared model has.' })
  sharedPrinciples!: Principle[];

  @Field(() => [ModelSide], {
    description: 'Per model: its principles, those only it has, adopters and practice count.',
  })
  perModel!: ModelSide[];

  @Field(() => [PrincipleUse], {
    description: 'Every principle of any compared model, with the models using it.',
  })
  principleMatrix!: PrincipleUse[];

  @Field(() => [IndicatorFigures], {
    description:
      'Figures grouped by indicator; figures of different indicators are never compared.',
  })
  figures!: IndicatorFigures[];
}
