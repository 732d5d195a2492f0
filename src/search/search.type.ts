import { Field, Float, ID, ObjectType, registerEnumType } from 'type-graphql';

export enum SearchHitType {
  MODEL = 'MODEL',
  PRACTICE = 'PRACTICE',
  PRINCIPLE = 'PRINCIPLE',
  REGION = 'REGION',
}
registerEnumType(SearchHitType, { name: 'SearchHitType', description: 'What a search hit is.' });

@ObjectType({ description: 'One search result.' })
export class SearchHit {
  @Field(() => SearchHitType, { description: 'What it is.' })
  type!: SearchHitType;

  @Field(() => ID, { description: 'Global id; `node(id:)` resolves it.' })
  id!: string;

  @Field({ description: 'Chinese name.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'English name.' })
  nameEn!: string | null;

  @Field({ description: 'The matching text around the match (at most about 80 characters).' })
  snippet!: string;

  @Field(() => Float, { description: 'Relevance; higher is better. Exact name matches come first.' })
  score!: number;

  /** Label and key of the object (`node` resolves it). */
  label!: string;
  key!: string;
}
