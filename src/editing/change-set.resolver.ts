import {
  Arg,
  Args,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { limitWrite } from '../auth/write-limits';
import { type Context, perRequest } from '../core/context';
import { keyedLoader, listLoader } from '../core/loader';
import { type Connection, toConnection, toPage } from '../core/pagination';
import { toChangeSet } from './change-set-view';
import { ChangeSetListArgs, ChangeSetVersionArgs, OpenChangeSetArgs } from './change-set.args';
import { openChangeSet, publishChangeSet, submitChangeSet } from './change-set.service';
import {
  changeSetsByIdQuery,
  changeSetsQuery,
  membersQuery,
  setSourceTextQuery,
} from './change-set.statements';
import { ChangeSet, ChangeSetConnection, ChangeSetCounts } from './change-set.type';
import { caller, toChange } from './change-view';
import { Change } from './editing.type';

const loaders = perRequest((executor) => ({
  members: listLoader<string, Change>(async (ids) => {
    const rows = await executor.read(membersQuery(ids), 'change-set-members');
    return ids.map(
      (id) => [id, rows.filter((r) => r.c.setId === id).map((r) => toChange(r.c))] as const,
    );
  }),
  sets: keyedLoader<string, ChangeSet>(async (ids) =>
    (await executor.read(changeSetsByIdQuery(ids), 'change-sets-by-id')).map(
      (r) => [r.s.id, toChangeSet(r.s)] as const,
    ),
  ),
}));

/** Change sets: read by editors; opened and submitted by editors, published by reviewers. */
@Resolver(() => ChangeSet)
export class ChangeSetResolver {
  @Authorized('EDITOR')
  @Query(() => ChangeSetConnection, {
    description: 'Change sets, newest first (default: OPEN ones). Editors only.',
  })
  async changeSets(
    @Args(() => ChangeSetListArgs) { status, first, after }: ChangeSetListArgs,
    @Ctx() ctx: Context,
  ): Promise<Connection<ChangeSet>> {
    const page = toPage(first, after);
    const statuses = status?.length ? status : ['OPEN'];
    const [row] = await ctx.executor.read(
      changeSetsQuery(statuses, page.skip, page.limit + 1),
      'change-sets',
    );
    return toConnection((row?.items ?? []).map(toChangeSet), page, row?.total ?? 0);
  }

  @Authorized('EDITOR')
  @Query(() => ChangeSet, { nullable: true, description: 'One change set by id. Editors only.' })
  changeSet(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<ChangeSet | null> {
    return loaders(ctx).sets.load(id);
  }

  @Authorized('EDITOR')
  @Mutation(() => ChangeSet, {
    description: 'Opens an empty change set; propose facts into it with proposeFact.',
  })
  async createChangeSet(
    @Args(() => OpenChangeSetArgs) { title, clientMutationId }: OpenChangeSetArgs,
    @Ctx() ctx: Context,
  ): Promise<ChangeSet> {
    await limitWrite(ctx);
    const set = { title: title.trim() };
    return toChangeSet(
      await openChangeSet(ctx.executor, caller(ctx), set, clientMutationId ?? null),
    );
  }

  @Authorized('EDITOR')
  @Mutation(() => ChangeSet, {
    description: 'Submits every DRAFT change of the set for review (IN_REVIEW).',
  })
  async submitChangeSet(
    @Args(() => ChangeSetVersionArgs) { id, version }: ChangeSetVersionArgs,
    @Ctx() ctx: Context,
  ): Promise<ChangeSet> {
    await limitWrite(ctx);
    return toChangeSet(await submitChangeSet(ctx.executor, caller(ctx), id, version));
  }

  @Authorized('REVIEWER')
  @Mutation(() => ChangeSet, {
    description:
      'Publishes every open change of the set, all IN_REVIEW, in one transaction: all or none, ' +
      'dependencies first. A retry publishes nothing twice. Reviewers only.',
  })
  async publishChangeSet(
    @Args(() => ChangeSetVersionArgs) { id, version }: ChangeSetVersionArgs,
    @Ctx() ctx: Context,
  ): Promise<ChangeSet> {
    await limitWrite(ctx);
    return toChangeSet(await publishChangeSet(ctx.executor, caller(ctx), id, version));
  }

  @FieldResolver(() => [Change], {
    description: 'Its changes, in the order they were proposed.',
  })
  changes(@Root() set: ChangeSet, @Ctx() ctx: Context): Promise<Change[]> {
    return loaders(ctx).members.load(set.id);
  }

  @FieldResolver(() => ChangeSetCounts, { description: 'How many of its changes stand where.' })
  async counts(@Root() set: ChangeSet, @Ctx() ctx: Context): Promise<ChangeSetCounts> {
    const members = await loaders(ctx).members.load(set.id);
    const count = (status: string) => members.filter((c) => c.status === status).length;
    return {
      draft: count('DRAFT'),
      inReview: count('IN_REVIEW'),
      published: count('PUBLISHED'),
      withdrawn: count('WITHDRAWN'),
    };
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "The report's text as drafted: every quote of the set is a part of it.",
  })
  async sourceText(@Root() set: ChangeSet, @Ctx() ctx: Context): Promise<string | null> {
    if (!set.sourceId) return null;
    const [row] = await ctx.executor.read(setSourceTextQuery(set.id, set.sourceId), 'set-text');
    if (row?.proposed) return String((JSON.parse(row.proposed) as { text?: unknown }).text ?? '');
    return row?.stored ?? null;
  }
}

/** A change's set. */
@Resolver(() => Change)
export class ChangeSetMemberResolver {
  @FieldResolver(() => ChangeSet, { nullable: true, description: 'The set it belongs to.' })
  changeSet(@Root() change: Change, @Ctx() ctx: Context): Promise<ChangeSet | null> {
    return change.setId ? loaders(ctx).sets.load(change.setId) : Promise.resolve(null);
  }
}
