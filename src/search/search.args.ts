import { ArgsType, Field, Int } from 'type-graphql';
import { Between, TrimmedText } from '../core/validation';
import { SearchHitType } from './search.type';

export const MAX_HITS = 50;
export const MAX_SEARCH_TEXT = 100;

@ArgsType()
export class SearchArgs {
  @TrimmedText(MAX_SEARCH_TEXT, 'search text')
  @Field(() => String)
  text!: string;

  @Between(1, MAX_HITS)
  @Field(() => Int, { defaultValue: 10, description: `How many hits (at most ${MAX_HITS}).` })
  first!: number;

  @Field(() => [SearchHitType], { nullable: true, description: 'Only these kinds of hit.' })
  types?: SearchHitType[] | null;
}
