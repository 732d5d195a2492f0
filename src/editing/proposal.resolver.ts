import { GraphQLJSONObject } from 'graphql-scalars';
import { Arg, Args, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { limitWrite } from '../auth/write-limits';
import type { Context } from '../core/context';
import { caller, toChange } from './change-view';
import { ChangeReasonArgs, ChangeVersionArgs } from './editing.args';
import { Change, ProposeFactInput } from './editing.type';
import { proposeFact, reviseDraft, submitChange, withdrawChange } from './proposal.service';

/** An editor's writes: propose a fact, revise and submit it, or withdraw it. */
@Resolver()
export class ProposalResolver {
  @Authorized('EDITOR')
  @Mutation(() => Change, {
    description:
      'Proposes a fact (new, or the whole new state of an existing one) as a DRAFT. Checked now ' +
      'and again when published.',
  })
  async proposeFact(
    @Arg('input', () => ProposeFactInput) input: ProposeFactInput,
    @Ctx() ctx: Context,
  ): Promise<Change> {
    await limitWrite(ctx);
    const { type, fact, clientMutationId } = input;
    return toChange(
      await proposeFact(ctx.executor, caller(ctx), type, fact, clientMutationId ?? null),
    );
  }

  @Authorized('EDITOR')
  @Mutation(() => Change, { description: "Replaces a DRAFT's fact." })
  async reviseChange(
    @Args(() => ChangeVersionArgs) { id, version }: ChangeVersionArgs,
    @Arg('fact', () => GraphQLJSONObject) fact: Record<string, unknown>,
    @Ctx() ctx: Context,
  ): Promise<Change> {
    await limitWrite(ctx);
    return toChange(await reviseDraft(ctx.executor, caller(ctx), id, version, fact));
  }

  @Authorized('EDITOR')
  @Mutation(() => Change, { description: 'Submits a DRAFT for review (IN_REVIEW).' })
  async submitChange(
    @Args(() => ChangeVersionArgs) { id, version }: ChangeVersionArgs,
    @Ctx() ctx: Context,
  ): Promise<Change> {
    await limitWrite(ctx);
    return toChange(await submitChange(ctx.executor, caller(ctx), id, version));
  }

  @Authorized('EDITOR')
  @Mutation(() => Change, {
    description:
      "Withdraws a DRAFT or IN_REVIEW change, with the reason: it is closed (kept in the fact's " +
      'history) and the fact is free for a new proposal. Its proposer or a reviewer.',
  })
  async withdrawChange(
    @Args(() => ChangeReasonArgs) { id, version, reason }: ChangeReasonArgs,
    @Ctx() ctx: Context,
  ): Promise<Change> {
    await limitWrite(ctx);
    return toChange(await withdrawChange(ctx.executor, caller(ctx), id, version, reason.trim()));
  }
}
