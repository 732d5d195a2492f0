import { Args, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../core/context';
import { missing, NotFoundError } from '../core/errors';
import { modelBySlug } from '../model/model.loader';
import { LineageArgs } from './lineage.args';
import { lineageQuery } from './lineage.repository';
import { buildLineage, lineageSlugs } from './lineage.service';
import { Lineage, LineageDirection } from './lineage.type';

@Resolver(() => Lineage)
export class LineageResolver {
  @Query(() => Lineage, {
    description:
      'Where a model came from and what came of it: nodes, edges with relation and provenance, ' +
      'and a Mermaid rendering.',
  })
  async lineage(
    @Args() { slug, direction, maxDepth }: LineageArgs,
    @Ctx() ctx: Context,
  ): Promise<Lineage> {
    const up = direction !== LineageDirection.DOWNSTREAM;
    const down = direction !== LineageDirection.UPSTREAM;
    // The root, its edges and the models they touch: one statement.
    const [row] = await ctx.executor.read(lineageQuery(slug, up, down, maxDepth), 'lineage');
    if (!row) throw new NotFoundError('Model', slug);
    const models = new Map([row.root, ...row.models].map((m) => [m.slug, m]));
    for (const s of lineageSlugs(slug, row.edges))
      if (!models.has(s)) throw missing('GovernanceModel', s, `the lineage of ${slug}`);
    for (const m of models.values()) modelBySlug(ctx).prime(m.slug, m);
    return buildLineage(row.root, row.edges, models);
  }
}
