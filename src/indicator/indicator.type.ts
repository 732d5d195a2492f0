import { Field, ObjectType } from 'type-graphql';
import { graphqlEnum } from '../core/graphql-enum';
import { Node } from '../core/node.type';
import { type UnitKind as Kind, UNIT_KINDS } from '../core/vocabulary';

export const UnitKind = graphqlEnum(
  'UnitKind',
  UNIT_KINDS,
  'What sort of quantity a unit measures.',
);
export type UnitKind = Kind;

@ObjectType({ description: 'A unit of measure, e.g. percent, CNY, case.' })
export class Unit {
  @Field({ description: 'Code, e.g. percent.' })
  code!: string;

  @Field({ description: 'Chinese name.' })
  name!: string;

  @Field({ description: 'English name.' })
  nameEn!: string;

  @Field(() => UnitKind, { description: 'What sort of quantity it measures.' })
  kind!: UnitKind;
}

@ObjectType({
  implements: Node,
  description: "What a figure measures, e.g. the success rate of people's mediation.",
})
export class Indicator extends Node {
  @Field({ description: 'Stable code, e.g. mediation_success_rate.' })
  code!: string;

  @Field({ description: 'Chinese name.' })
  name!: string;

  @Field({ description: 'English name.' })
  nameEn!: string;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Whether a higher value is better; null when neutral.',
  })
  higherIsBetter!: boolean | null;

  @Field(() => String, { nullable: true, description: 'Definition in Chinese.' })
  description!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Definition in English, e.g. how a rate is computed.',
  })
  descriptionEn!: string | null;

  /** Code of its unit (`unit` resolves it). */
  unitCode!: string;
}
