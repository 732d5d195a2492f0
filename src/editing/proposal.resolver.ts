import { GraphQLJSONObject } from 'graphql-scalars';
import { Arg, Args, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { limitWrite } from '../auth/write-limits';
import type { Context } from '../core/context';
import { InvalidInputError } from '../core/errors';
import { caller, toChange } from './change-view';
import type { FactType } from './editing-facts';
import { ChangeReasonArgs, ChangeVersionArgs } from './editing.args';
import { Change, ProposeFactInput } from './editing.type';
import { FactInput, factOfInput } from './fact-input.type';
import { proposeFact, reviseDraft, submitChange, withdrawChange } from './proposal.service';

/** The fact given as `fact` (the seed's shape) or `input` (typed), not both. */
function givenFact(
  type: FactType,
  fact: Record<string, unknown> | null | undefined,
  input: FactInput | null | undefined,
): Record<string, unknown> {
  if (fact && input)
    throw new InvalidInputError('Give the fact once', [
      { field: 'input', message: 'give `fact` or `input`, not both' },
    ]);
  if (fact) return fact;
  if (!input)
    throw new InvalidInputError('No fact given', [
      { field: 'fact', message: 'give the fact as `fact` or as `input`' },
    ]);
  const typed = factOfInput(type, input);
  if (typeof typed === 'string')
    throw new InvalidInputError('The typed fact is not readable', [
      { field: 'input', message: typed },
    ]);
  return typed;
}

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
    const { type, clientMutationId, changeSet } = input;
    const fact = givenFact(type, input.fact, input.input);
    const drafted = { setId: changeSet ?? null };
    return toChange(
      await proposeFact(ctx.executor, caller(ctx), type, fact, clientMutationId ?? null, drafted),
    );
  }

  @Authorized('EDITOR')
  @Mutation(() => Change, { description: "Replaces a DRAFT's fact." })
  async reviseChange(
    @Args(() => ChangeVersionArgs) { id, version }: ChangeVersionArgs,
    @Arg('fact', () => GraphQLJSONObject, {
      nullable: true,
      description: "The whole new fact in the seed files' format. Give this or `input`.",
    })
    fact: Record<string, unknown> | null,
    @Arg('input', () => FactInput, {
      nullable: true,
      description: 'The whole new fact in typed fields. Give this or `fact`.',
    })
    input: FactInput | null,
    @Ctx() ctx: Context,
  ): Promise<Change> {
    await limitWrite(ctx);
    const typed = input ? (type: FactType) => givenFact(type, null, input) : undefined;
    return toChange(await reviseDraft(ctx.executor, caller(ctx), id, version, typed ?? fact));
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
