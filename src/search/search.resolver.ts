import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../core/context';
import { missing } from '../core/errors';
import { Node } from '../core/node.interface';
import { SearchArgs } from './search.args';
import { toLuceneQuery } from './search.query';
import { searchQuery } from './search.repository';
import { labelsFor, toHits } from './search.service';
import { SearchHit } from './search.type';

@Resolver(() => SearchHit)
export class SearchResolver {
  @Query(() => [SearchHit], { description: 'Full-text search in Chinese (cjk bigrams), English and pinyin over models, practices, principles, regions and organisations (teams and groups of people included), best first.' })
  async search(@Args() { text, first, types }: SearchArgs, @Ctx() ctx: Context): Promise<SearchHit[]> {
    const rows = await ctx.executor.read(searchQuery(toLuceneQuery(text), text, labelsFor(types), first), 'search');
    return toHits(rows, text);
  }

  /** Loaded only when asked for: a list of hits costs one statement. */
  @FieldResolver(() => Node, { description: 'The object itself.' })
  async node(@Root() hit: SearchHit, @Ctx() ctx: Context): Promise<object> {
    const node = await ctx.nodes.load(hit.label, hit.key);
    if (!node) throw missing(hit.label, hit.key, 'a search hit');
    return node;
  }
}
