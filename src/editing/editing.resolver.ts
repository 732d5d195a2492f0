import { GraphQLJSONObject } from 'graphql-scalars';
import {
  Arg,
  Args,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { limitWrite } from '../auth/write-limits';
import type { AuthUser, Context } from '../core/context';
import { perRequest } from '../core/context';
import { BadInputError } from '../core/errors';
import { listLoader } from '../core/loader';
import { type Connection, toConnection, toPage } from '../core/pagination';
import { currentFactQuery } from './editing-current';
import type { ChangeRow } from './editing.repository';
import {
  changeByQuery,
  changesQuery,
  eventsQuery,
  factVersionQuery,
  historyQuery,
} from './editing.repository';
import {
  proposeFact,
  publishChange,
  retractFact,
  returnChange,
  reviseDraft,
  submitChange,
  withdrawChange,
} from './editing.service';
import {
  Change,
  ChangeConnection,
  ChangeEvent,
  ChangeListArgs,
  ChangeVersionArgs,
  FactType,
  ProposeFactInput,
} from './editing.type';

/** A stored change as the API shows it. */
const toChange = (c: ChangeRow): Change => ({
  id: c.id,
  factType: c.factType as FactType,
  factKey: c.factKey,
  operation: c.op as Change['operation'],
  status: c.status as Change['status'],
  version: c.version,
  fact: c.fact ? (JSON.parse(c.fact) as Record<string, unknown>) : null,
  baseVersion: c.baseVersion,
  createdBy: c.createdByName,
  createdAt: c.createdAt,
  updatedAt: c.updatedAt,
  reason: c.reason,
});

const eventLoaders = perRequest((executor) => ({
  events: listLoader<string, ChangeEvent>(async (ids) =>
    (await executor.read(eventsQuery(ids), 'change-events')).map(
      (r) => [r.id, r.events as ChangeEvent[]] as const,
    ),
  ),
}));

/** The authChecker has run: the caller is known. */
const caller = (ctx: Context): AuthUser => ctx.user!;

/** Writes and review. Reads of the public graph never see a change; only editors do. */
@Resolver(() => Change)
export class EditingResolver {
  @Authorized('EDITOR')
  @Query(() => ChangeConnection, {
    description:
      'Changes in review states, most recently touched first (default: DRAFT and IN_REVIEW). Editors only.',
  })
  async changes(
    @Args() { status, first, after }: ChangeListArgs,
    @Ctx() ctx: Context,
  ): Promise<Connection<Change>> {
    const page = toPage(first, after);
    const [row] = await ctx.executor.read(
      changesQuery(status?.length ? status : ['DRAFT', 'IN_REVIEW'], page.skip, page.limit + 1),
      'changes',
    );
    return toConnection((row?.items ?? []).map(toChange), page, row?.total ?? 0);
  }

  @Authorized('EDITOR')
  @Query(() => Change, { nullable: true, description: 'One change by id. Editors only.' })
  async change(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Change | null> {
    const [row] = await ctx.executor.read(changeByQuery({ id }), 'change');
    return row ? toChange(row.c) : null;
  }

  @Authorized('EDITOR')
  @Query(() => [Change], {
    description:
      'Every change made to one fact, newest first: who changed what and when. Editors only.',
  })
  async factHistory(
    @Arg('type', () => FactType) type: FactType,
    @Arg('key') key: string,
    @Ctx() ctx: Context,
  ): Promise<Change[]> {
    return (await ctx.executor.read(historyQuery(type, key), 'fact-history')).map((r) =>
      toChange(r.c),
    );
  }

  @Authorized('EDITOR')
  @Query(() => Int, {
    nullable: true,
    description:
      'The current version of a published fact (null when there is none): give it to retractFact. Editors only.',
  })
  async factVersion(
    @Arg('type', () => FactType) type: FactType,
    @Arg('key') key: string,
    @Ctx() ctx: Context,
  ): Promise<number | null> {
    const [row] = await ctx.executor.read(factVersionQuery(type, key), 'fact-version');
    return row?.version ?? null;
  }

  @Authorized('EDITOR')
  @Query(() => GraphQLJSONObject, {
    nullable: true,
    description:
      "The published fact as proposeFact takes it (the seed files' format), or null when there is none: edit it and propose it whole as an update. Editors only.",
  })
  async fact(
    @Arg('type', () => FactType) type: FactType,
    @Arg('key') key: string,
    @Ctx() ctx: Context,
  ): Promise<Record<string, unknown> | null> {
    const [row] = await ctx.executor.read(currentFactQuery(type, key), 'fact-current');
    return row?.fact ?? null;
  }

  @FieldResolver(() => [ChangeEvent], { description: 'What happened to it, oldest first.' })
  events(@Root() change: Change, @Ctx() ctx: Context): Promise<ChangeEvent[]> {
    return eventLoaders(ctx).events.load(change.id);
  }

  @Authorized('EDITOR')
  @Mutation(() => Change, {
    description:
      'Proposes a fact (new, or the whole new state of an existing one) as a DRAFT. Checked now and again when published.',
  })
  async proposeFact(
    @Arg('input', () => ProposeFactInput) input: ProposeFactInput,
    @Ctx() ctx: Context,
  ): Promise<Change> {
    await limitWrite(ctx);
    return toChange(
      await proposeFact(
        ctx.executor,
        caller(ctx),
        input.type,
        input.fact,
        input.clientMutationId ?? null,
      ),
    );
  }

  @Authorized('EDITOR')
  @Mutation(() => Change, { description: "Replaces a DRAFT's fact." })
  async reviseChange(
    @Args() { id, version }: ChangeVersionArgs,
    @Arg('fact', () => GraphQLJSONObject) fact: Record<string, unknown>,
    @Ctx() ctx: Context,
  ): Promise<Change> {
    await limitWrite(ctx);
    return toChange(await reviseDraft(ctx.executor, caller(ctx), id, version, fact));
  }

  @Authorized('EDITOR')
  @Mutation(() => Change, { description: 'Submits a DRAFT for review (IN_REVIEW).' })
  async submitChange(
    @Args() { id, version }: ChangeVersionArgs,
    @Ctx() ctx: Context,
  ): Promise<Change> {
    await limitWrite(ctx);
    return toChange(await submitChange(ctx.executor, caller(ctx), id, version));
  }

  @Authorized('REVIEWER')
  @Mutation(() => Change, {
    description: 'Publishes a change IN_REVIEW: its fact enters the public graph. Reviewers only.',
  })
  async publishChange(
    @Args() { id, version }: ChangeVersionArgs,
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
    @Args() { id, version }: ChangeVersionArgs,
    @Arg('reason') reason: string,
    @Ctx() ctx: Context,
  ): Promise<Change> {
    await limitWrite(ctx);
    return toChange(await returnChange(ctx.executor, caller(ctx), id, version, reasonOf(reason)));
  }
}

/** Withdraws an open change. */
@Resolver()
export class WithdrawalResolver {
  @Authorized('EDITOR')
  @Mutation(() => Change, {
    description:
      "Withdraws a DRAFT or IN_REVIEW change, with the reason: it is closed (kept in the fact's history) and the fact is free for a new proposal. Its proposer or a reviewer.",
  })
  async withdrawChange(
    @Args() { id, version }: ChangeVersionArgs,
    @Arg('reason') reason: string,
    @Ctx() ctx: Context,
  ): Promise<Change> {
    await limitWrite(ctx);
    return toChange(await withdrawChange(ctx.executor, caller(ctx), id, version, reasonOf(reason)));
  }
}

/** Retracts a published fact. */
@Resolver()
export class RetractionResolver {
  @Authorized('REVIEWER')
  @Mutation(() => Change, {
    description:
      "Retracts a published fact: it leaves the public graph and is kept, with the reason, in its history. `version` is the fact's current version. Reviewers only.",
  })
  async retractFact(
    @Arg('type', () => FactType) type: FactType,
    @Arg('key') key: string,
    @Arg('version', () => Int) version: number,
    @Arg('reason') reason: string,
    @Ctx() ctx: Context,
  ): Promise<Change> {
    await limitWrite(ctx);
    return toChange(
      await retractFact(ctx.executor, caller(ctx), type, key, version, reasonOf(reason)),
    );
  }
}

/** A reason is a sentence or a paragraph: present, and not an essay. */
function reasonOf(reason: string): string {
  const text = reason.trim();
  if (text.length === 0 || text.length > 2000)
    throw new BadInputError('A reason must have 1 to 2,000 characters', 'reason');
  return text;
}
