import { GraphQLJSONObject } from 'graphql-scalars';
import {
  Arg,
  Args,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Int,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { type Context, perRequest } from '../core/context';
import { listLoader } from '../core/loader';
import { type Connection, toConnection, toPage } from '../core/pagination';
import {
  changesQuery,
  eventsQuery,
  factVersionQuery,
  historyQuery,
} from './change-reads.statements';
import { toChange } from './change-view';
import { changeByQuery } from './change.statements';
import { currentFactQuery } from './editing-current';
import { ChangeListArgs, FactArgs } from './editing.args';
import { Change, ChangeConnection, ChangeEvent } from './editing.type';

const eventLoaders = perRequest((executor) => ({
  events: listLoader<string, ChangeEvent>(async (ids) =>
    (await executor.read(eventsQuery(ids), 'change-events')).map(
      (r) => [r.id, r.events as ChangeEvent[]] as const,
    ),
  ),
}));

/**
 * What editors read: changes, a fact's history, version and current state. Reads of the public
 * graph never see a change; only editors do. The writes are in proposal.resolver.ts (an editor's)
 * and review.resolver.ts (a reviewer's).
 */
@Resolver(() => Change)
export class EditingResolver {
  @Authorized('EDITOR')
  @Query(() => ChangeConnection, {
    description:
      'Changes in review states, most recently touched first (default: DRAFT and IN_REVIEW). ' +
      'Editors only.',
  })
  async changes(
    @Args(() => ChangeListArgs) { status, first, after }: ChangeListArgs,
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
    @Args(() => FactArgs) { type, key }: FactArgs,
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
      'The current version of a published fact (null when there is none): give it to ' +
      'retractFact. Editors only.',
  })
  async factVersion(
    @Args(() => FactArgs) { type, key }: FactArgs,
    @Ctx() ctx: Context,
  ): Promise<number | null> {
    const [row] = await ctx.executor.read(factVersionQuery(type, key), 'fact-version');
    return row?.version ?? null;
  }

  @Authorized('EDITOR')
  @Query(() => GraphQLJSONObject, {
    nullable: true,
    description:
      "The published fact as proposeFact takes it (the seed files' format), or null when there " +
      'is none: edit it and propose it whole as an update. Editors only.',
  })
  async fact(
    @Args(() => FactArgs) { type, key }: FactArgs,
    @Ctx() ctx: Context,
  ): Promise<Record<string, unknown> | null> {
    const [row] = await ctx.executor.read(currentFactQuery(type, key), 'fact-current');
    return row?.fact ?? null;
  }

  @FieldResolver(() => [ChangeEvent], { description: 'What happened to it, oldest first.' })
  events(@Root() change: Change, @Ctx() ctx: Context): Promise<ChangeEvent[]> {
    return eventLoaders(ctx).events.load(change.id);
  }
}
