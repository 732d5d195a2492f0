import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { provenanceOf } from '../citation/citation.resolver';
import { checkSlug } from '../common/args';
import { BadInputError, NotFoundError } from '../errors/errors';
import type { ModelRecord } from '../model/model.repository';
import type { Context } from '../server/context';
import { lineageEdgesQuery, MAX_LINEAGE_DEPTH } from './lineage.repository';
import { Lineage, LineageDirection, type LineageEdge } from './lineage.type';
import { toMermaid } from './mermaid';

@Resolver(() => Lineage)
export class LineageResolver {
  @Query(() => Lineage, { description: 'Where a model came from and what came of it: nodes, edges with relation and provenance, and a Mermaid rendering.' })
  async lineage(
    @Arg('slug', () => String) slug: string,
    @Arg('direction', () => LineageDirection, { defaultValue: LineageDirection.BOTH }) direction: LineageDirection,
    @Arg('maxDepth', () => Int, { defaultValue: 3, description: `How many derivation steps to follow (1 to ${MAX_LINEAGE_DEPTH}).` }) maxDepth: number,
    @Ctx() ctx: Context,
  ): Promise<Lineage> {
    checkSlug(slug);
    if (!Number.isInteger(maxDepth) || maxDepth < 1 || maxDepth > MAX_LINEAGE_DEPTH) throw new BadInputError(`maxDepth must be between 1 and ${MAX_LINEAGE_DEPTH}`, 'maxDepth');
    const [root, rows] = await Promise.all([
      ctx.loaders.model.load(slug),
      ctx.executor.read(lineageEdgesQuery(slug, direction !== LineageDirection.DOWNSTREAM, direction !== LineageDirection.UPSTREAM, maxDepth), 'lineage'),
    ]);
    if (!root) throw new NotFoundError('Model', slug);
    const slugs = [...new Set([slug, ...rows.flatMap((r) => [String(r.from), String(r.to)])])];
    const models = new Map<string, ModelRecord>();
    for (const m of await ctx.loaders.model.loadMany(slugs)) if (m && !(m instanceof Error)) models.set(m.slug, m);
    const edges = rows.map(
      (r) => ({ from: models.get(String(r.from)), to: models.get(String(r.to)), relation: r.relation, since: (r.since as number) ?? null, provenance: provenanceOf(r) }) as unknown as LineageEdge,
    );
    const nodes = slugs.map((s) => models.get(s)!).filter(Boolean);
    const mermaid = toMermaid(nodes, rows.map((r) => ({ from: String(r.from), to: String(r.to), relation: String(r.relation), editorial: Boolean(r.editorial) })), slug);
    return { root, nodes, edges, mermaid } as unknown as Lineage;
  }
}
