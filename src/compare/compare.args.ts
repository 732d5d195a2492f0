import { ArgsType, Field } from 'type-graphql';
import { DistinctCount, IsSlug } from '../core/validation';

export const MAX_COMPARED = 10;

@ArgsType()
export class CompareArgs {
  @IsSlug({ each: true })
  @DistinctCount(2, MAX_COMPARED, `compare between 2 and ${MAX_COMPARED} distinct models`)
  @Field(() => [String])
  slugs!: string[];
}
