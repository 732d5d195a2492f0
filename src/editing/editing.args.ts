import { Min } from 'class-validator';
import { ArgsType, Field, ID, Int } from 'type-graphql';
import { PageArgs } from '../core/args';
import { TrimmedText } from '../core/validation';
import { ChangeStatus, FactType } from './editing.type';

/** A reason is a sentence or a paragraph: present, and not an essay. */
export const MAX_REASON = 2000;

@ArgsType()
export class ChangeVersionArgs {
  @Field(() => ID, { description: "The change's id." })
  id!: string;

  @Min(1)
  @Field(() => Int, { description: 'The version of the change you saw.' })
  version!: number;
}

/** A step on a change that gives its reason (return, withdraw). */
@ArgsType()
export class ChangeReasonArgs extends ChangeVersionArgs {
  @TrimmedText(MAX_REASON, 'reason')
  @Field(() => String)
  reason!: string;
}

@ArgsType()
export class ChangeListArgs extends PageArgs {
  @Field(() => [ChangeStatus], {
    nullable: true,
    description: 'Only changes in these states (default: DRAFT and IN_REVIEW).',
  })
  status?: ChangeStatus[] | null;
}

/** One fact by its kind and key. */
@ArgsType()
export class FactArgs {
  @Field(() => FactType)
  type!: FactType;

  @Field(() => String)
  key!: string;
}

@ArgsType()
export class RetractFactArgs extends FactArgs {
  @Field(() => Int)
  version!: number;

  @TrimmedText(MAX_REASON, 'reason')
  @Field(() => String)
  reason!: string;
}
