import { Args, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../core/context';
import { NotFoundError } from '../core/errors';
import { loadExisting } from '../core/loader';
import { modelBySlug } from '../model/model.loader';
import { LineageArgs } from './lineage.args';
import { lineageEdgesQuery } from './lineage.repository';
import { buildLineage, lineageSlugs } from './lineage.service';
import { Lineage, LineageDirection } from './lineage.type';

@Resolver(() => Lineage)
export class LineageResolver {
  @Query(() => Lineage, { description: 'Where a model came from and what came of it: nodes, edges with relation and provenance, and a Mermaid rendering.' })
  async lineage(@Args() { slug, direction, maxDepth }: LineageArgs, @Ctx() ctx: Context): Promise<Lineage> {
    const up = direction !== LineageDirection.DOWNSTREAM;
    const down = direction !== LineageDirection.UPSTREAM;
    const [root, rows] = await Promise.all([modelBySlug(ctx).load(slug), ctx.executor.read(lineageEdgesQuery(slug, up, down, maxDepth), 'lineage')]);
    if (!root) throw new NotFoundError('Model', slug);
    const models = await loadExisting(modelBySlug(ctx), lineageSlugs(slug, rows), 'GovernanceModel', `the lineage of ${slug}`);
    return buildLineage(root, rows, new Map(models.map((m) => [m.slug, m])));
  }
}
