import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../core/context';
import { BadInputError, missing } from '../core/errors';
import { Node } from '../core/node.type';
import { nodeTree } from '../core/page-relation';
import { toPage } from '../core/pagination';
import { type ResolveTree } from '../core/plan';
import { selectionOf, treeOf } from '../core/selection';
import { queryKeys } from './query-text';
import { SearchArgs, SearchPageArgs } from './search.args';
import { PAGE_POOL, searchPageQuery, searchQuery } from './search.repository';
import { hitNeeds, labelsFor, toHit, toResults } from './search.service';
import { SearchHit, SearchResults } from './search.type';

/** The fields selected on the hits under `tree` (every alias and fragment merged). */
const hitFields = (tree: ResolveTree | undefined): string[] =>
  Object.values(selectionOf(tree, 'SearchHit')).map((f) => f.name);

@Resolver(() => SearchHit)
export class SearchResolver {
  @Query(() => [SearchHit], {
    description:
      'Full-text search in Chinese, English and pinyin (tones, case and spaces ignored) over ' +
      'models, practices, principles, regions and organisations (teams and groups of people ' +
      'included), best first: models, practices and principles whose name matches before places ' +
      'of the same name; places carry their path.',
  })
  async search(
    @Args() { text, first, types }: SearchArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<SearchHit[]> {
    const keys = queryKeys(text);
    // Text that is only punctuation has nothing to look up.
    if (!keys.key) return [];
    const rows = await ctx.executor.read(
      searchQuery(keys, labelsFor(types), first, hitNeeds(hitFields(treeOf(info)))),
      'search',
    );
    return rows.map((r) => toHit(r.hit, keys));
  }

  @Query(() => SearchResults, {
    description: `The same search as a Relay connection with counts per type ("models 3 · practices 5 · places 214"): \`types\` picks what the page holds, so each type pages on its own. Pages reach the first ${PAGE_POOL} hits.`,
  })
  async searchResults(
    @Args() { text, types, first, after }: SearchPageArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<SearchResults> {
    const page = toPage(first, after);
    if (page.skip + page.limit > PAGE_POOL)
      throw new BadInputError(`search pages reach the first ${PAGE_POOL} hits`, 'after');
    const keys = queryKeys(text);
    const needs = hitNeeds(hitFields(nodeTree(treeOf(info), 'SearchResults', 'SearchHitEdge')));
    const rows = keys.key
      ? await ctx.executor.read(
          searchPageQuery(keys, labelsFor(types), page.skip, page.limit, needs),
          'searchResults',
        )
      : [];
    return toResults(rows[0], keys, page);
  }

  /** Loaded only when asked for: a list of hits costs one statement. */
  @FieldResolver(() => Node, { description: 'The object itself.' })
  async node(@Root() hit: SearchHit, @Ctx() ctx: Context): Promise<object> {
    const node = await ctx.nodes.load(hit.label, hit.key);
    if (!node) throw missing(hit.label, hit.key, 'a search hit');
    return node;
  }
}
