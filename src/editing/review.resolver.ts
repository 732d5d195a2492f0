import { Args, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { limitWrite } from '../auth/write-limits';
import type { Context } from '../core/context';
import { caller, toChange } from './change-view';
import { ChangeReasonArgs, ChangeVersionArgs, RetractFactArgs } from './editing.args';
import { Change } from './editing.type';
import { retractFact } from './retraction.service';
import { publishChange, returnChange } from './review.service';

/** A reviewer's writes: publish or return a change in review, retract a published fact. */
@Resolver()
export class ReviewResolver {
  @Authorized('REVIEWER')
  @Mutation(() => Change, {
    description: 'Publishes a change IN_REVIEW: its fact enters the public graph. Reviewers only.',
  })
  async publishChange(
    @Args(() => ChangeVersionArgs) { id, version }: ChangeVersionArgs,
    @Ctx() ctx: Context,
  ): Promise<Change> {
    await limitWrite(ctx);
    return toChange(await publishChange(ctx.executor, caller(ctx), id, version));
  }

  @Authorized('REVIEWER')
  @Mutation(() => Change, {
    description:
      'Returns a change IN_REVIEW to its editor as a DRAFT, with the reason. Reviewers only.',
  })
  async returnChange(
    @Args(() => ChangeReasonArgs) { id, version, reason }: ChangeReasonArgs,
    @Ctx() ctx: Context,
  ): Promise<Change> {
    await limitWrite(ctx);
    return toChange(await returnChange(ctx.executor, caller(ctx), id, version, reason.trim()));
  }

  @Authorized('REVIEWER')
  @Mutation(() => Change, {
    description:
      'Retracts a published fact: it leaves the public graph and is kept, with the reason, in ' +
      "its history. `version` is the fact's current version. Reviewers only.",
  })
  async retractFact(
    @Args(() => RetractFactArgs) { type, key, version, reason }: RetractFactArgs,
    @Ctx() ctx: Context,
  ): Promise<Change> {
    await limitWrite(ctx);
    const user = caller(ctx);
    return toChange(await retractFact(ctx.executor, user, type, key, version, reason.trim()));
  }
}
