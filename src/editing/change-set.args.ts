import { MaxLength, Min } from 'class-validator';
import { ArgsType, Field, ID, Int } from 'type-graphql';
import { PageArgs } from '../core/args';
import { TrimmedText } from '../core/validation';
import { ChangeSetStatus } from './change-set.type';

@ArgsType()
export class ChangeSetListArgs extends PageArgs {
  @Field(() => [ChangeSetStatus], {
    nullable: true,
    description: 'Only sets in these states (default: OPEN).',
  })
  status?: ChangeSetStatus[] | null;
}

@ArgsType()
export class ChangeSetVersionArgs {
  @Field(() => ID, { description: "The set's id." })
  id!: string;

  @Min(1)
  @Field(() => Int, { description: 'The version of the set you saw.' })
  version!: number;
}

@ArgsType()
export class OpenChangeSetArgs {
  @TrimmedText(300, 'title')
  @Field({ description: 'What the set is, e.g. the title of the report it takes in.' })
  title!: string;

  @MaxLength(100)
  @Field(() => String, {
    nullable: true,
    description: 'A client-chosen id: retrying with the same one returns the same set.',
  })
  clientMutationId?: string | null;
}
