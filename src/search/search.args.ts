import { ArgsType, Field, Int } from 'type-graphql';
import { PageArgs } from '../core/args';
import { Between, TrimmedText } from '../core/validation';
import { SearchHitType } from './search.type';

export const MAX_HITS = 50;
export const MAX_SEARCH_TEXT = 100;

@ArgsType()
export class SearchArgs {
  @TrimmedText(MAX_SEARCH_TEXT, 'search text')
  @Field(() => String, {
    description:
      'Chinese, English or pinyin (tones optional: fengqiao, Fēngqiáo); at most 100 characters.',
  })
  text!: string;

  @Between(1, MAX_HITS)
  @Field(() => Int, { defaultValue: 10, description: `How many hits (at most ${MAX_HITS}).` })
  first!: number;

  @Field(() => [SearchHitType], { nullable: true, description: 'Only these kinds of hit.' })
  types?: SearchHitType[] | null;
}

@ArgsType()
export class SearchPageArgs extends PageArgs {
  @TrimmedText(MAX_SEARCH_TEXT, 'search text')
  @Field(() => String, {
    description:
      'Chinese, English or pinyin (tones optional: fengqiao, Fēngqiáo); at most 100 characters.',
  })
  text!: string;

  @Field(() => [SearchHitType], {
    nullable: true,
    description:
      'Only these kinds of hit on the page (facets count every kind); one type to page it on ' +
      'its own.',
  })
  types?: SearchHitType[] | null;
}
