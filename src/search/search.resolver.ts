import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { toGlobalId, type NodeType } from '../common/global-id';
import type { Row } from '../db/executor';
import { BadInputError } from '../errors/errors';
import { loadNode } from '../node/node.loader';
import type { Context } from '../server/context';
import { searchQuery } from './search.repository';
import { snippetFor, toLuceneQuery } from './search.query';
import { SearchHit, SearchHitType } from './search.type';

const LABELS: Record<SearchHitType, NodeType> = {
  [SearchHitType.MODEL]: 'GovernanceModel',
  [SearchHitType.PRACTICE]: 'Practice',
  [SearchHitType.PRINCIPLE]: 'Principle',
  [SearchHitType.REGION]: 'Region',
};
const TYPE_OF = Object.fromEntries(Object.entries(LABELS).map(([t, l]) => [l, t])) as Record<string, SearchHitType>;
const MAX_HITS = 50;

@Resolver(() => SearchHit)
export class SearchResolver {
  @Query(() => [SearchHit], { description: 'Full-text search in Chinese (cjk bigrams), English and pinyin over models, practices, principles and regions, best first.' })
  async search(
    @Arg('text', () => String) text: string,
    @Arg('first', () => Int, { defaultValue: 10, description: 'How many hits (at most 50).' }) first: number,
    @Arg('types', () => [SearchHitType], { nullable: true, description: 'Only these kinds of hit.' }) types: SearchHitType[] | null,
    @Ctx() ctx: Context,
  ): Promise<SearchHit[]> {
    if (!Number.isInteger(first) || first < 1 || first > MAX_HITS) throw new BadInputError(`first must be between 1 and ${MAX_HITS}`, 'first');
    const labels = (types?.length ? types : Object.values(SearchHitType)).map((t) => LABELS[t]);
    const rows = await ctx.executor.read(searchQuery(toLuceneQuery(text), text, labels, first), 'search');
    const hits = await Promise.all(
      rows.map(async (r) => {
        const n = r.n as Row;
        const label = String(r.label) as NodeType;
        const key = String(n.slug ?? n.code ?? n.id);
        const node = await loadNode(ctx, label, key);
        return {
          type: TYPE_OF[label]!, id: toGlobalId(label, key), name: String(n.name), nameEn: (n.nameEn as string) ?? null, score: Number(r.rank), node,
          snippet: snippetFor(text, [n.name, n.nameEn, n.officialName, n.aliasesText, n.summary, n.summaryEn, n.description, n.descriptionEn, n.scale, n.scaleEn] as string[]),
        } as SearchHit;
      }),
    );
    return hits;
  }
}
