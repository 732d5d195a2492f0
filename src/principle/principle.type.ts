import { Field, ObjectType } from 'type-graphql';
import { graphqlEnum } from '../core/graphql-enum';
import { Node } from '../core/node.type';
import { type PrincipleKind as Kind, PRINCIPLE_KINDS } from '../core/vocabulary';

export const PrincipleKind = graphqlEnum(
  'PrincipleKind',
  PRINCIPLE_KINDS,
  'What sort of component: a mode of governance (自治, 法治 …), a target (零上访 …), a duty (困难户必访 …), ' +
    'a measure, a dimension, or a structural part.',
);
export type PrincipleKind = Kind;

@ObjectType({
  implements: Node,
  description: 'A component that models are built from, e.g. 自治 (self-governance).',
})
export class Principle extends Node {
  @Field({ description: 'Stable key, e.g. self-governance.' })
  slug!: string;

  @Field({ description: 'Chinese name.' })
  name!: string;

  @Field({ description: 'English name.' })
  nameEn!: string;

  @Field(() => String, { nullable: true, description: 'Hanyu pinyin.' })
  pinyin!: string | null;

  @Field(() => PrincipleKind, { description: 'What sort of component it is.' })
  kind!: PrincipleKind;

  @Field(() => String, { nullable: true, description: 'Description in Chinese.' })
  description!: string | null;

  @Field(() => String, { nullable: true, description: 'Description in English.' })
  descriptionEn!: string | null;
}
