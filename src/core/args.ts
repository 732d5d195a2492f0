import { ArgsType, Field, Int } from 'type-graphql';
import { MAX_FIRST } from './pagination';
import { Between, IsSlug } from './validation';

@ArgsType()
export class PageArgs {
  @Between(0, MAX_FIRST)
  @Field(() => Int, { nullable: true, description: 'How many items (default 20, at most 100).' })
  first?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Cursor of the item to start after (pageInfo.endCursor).',
  })
  after?: string | null;
}

/** One thing by its slug (models, principles). */
@ArgsType()
export class SlugArgs {
  @IsSlug()
  @Field(() => String)
  slug!: string;
}
