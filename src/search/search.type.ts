import { Field, Float, ID, ObjectType } from 'type-graphql';
import { graphqlEnum } from '../core/graphql-enum';

export const SearchHitType = graphqlEnum('SearchHitType', ['MODEL', 'PRACTICE', 'PRINCIPLE', 'REGION', 'ORGANIZATION'], 'What a search hit is; ORGANIZATION includes teams and groups of people.');
export type SearchHitType = keyof typeof SearchHitType;

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
