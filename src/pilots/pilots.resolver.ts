import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, Info, Query, Resolver } from 'type-graphql';
import type { Context } from '../core/context';
import { missing, NotFoundError } from '../core/errors';
import { keyOf } from '../core/global-id';
import { materialize, type ResolveTree, Statement, type TypePlan } from '../core/plan';
import { descend, treeOf } from '../core/selection';
import { PracticePlan } from '../practice/practice.plan';
import { RegionPlan } from '../region/region.plan';
import { CandidateArgs, PilotArgs } from './pilots.args';
import { candidateAnswerQuery, pilotAnswerQuery } from './pilots.repository';
import { PilotMatch, RegionMatch } from './pilots.type';
import { answerFromIndex } from './similarity-cache';

/**
 * Found nodes by key, in the ranking's order, decoded with what came with them; a ranked key the
 * graph lacks is an integrity fault.
 */
function inOrder<T extends object>(
  plan: TypePlan<T>,
  tree: ResolveTree | undefined,
  found: ReadonlyArray<{ key: string; n: unknown }>,
  keys: readonly string[],
  from: string,
): T[] {
  const byKey = new Map(found.map((f) => [f.key, f.n]));
  return keys.map((k) => {
    if (!byKey.has(k)) throw missing(plan.typeName, k, from);
    return materialize(plan, byKey.get(k), tree);
  });
}

@Resolver()
export class PilotsResolver {
  @Query(() => [PilotMatch], {
    description: 'Practices most like the given one, best first, each with the reasons it scored.',
  })
  comparablePilots(
    @Args() { practiceId, first }: PilotArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<PilotMatch[]> {
    const key = keyOf('Practice', practiceId, 'practiceId');
    const tree = descend(treeOf(info), ['PilotMatch', 'practice']);
    return answerFromIndex(ctx.executor, async (index) => {
      const ranked = index.pilots(key, first);
      const keys = ranked?.map((r) => r.item.key) ?? [];
      const [row] = await ctx.executor.read(
        pilotAnswerQuery(keys, tree, new Statement()),
        'pilots',
      );
      return {
        seen: row!,
        result: () => {
          if (!ranked) throw new NotFoundError('Practice', key);
          const practices = inOrder(PracticePlan, tree, row!.found, keys, 'a pilot match');
          return ranked.map((r, i) => ({
            practice: practices[i]!,
            score: r.score,
            reasons: r.reasons,
          }));
        },
      };
    });
  }

  @Query(() => [RegionMatch], {
    description:
      'County-level units that have not adopted the model, ranked by likeness to those that have.',
  })
  adoptionCandidates(
    @Args() { slug, first }: CandidateArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<RegionMatch[]> {
    const tree = descend(treeOf(info), ['RegionMatch', 'region']);
    return answerFromIndex(ctx.executor, async (index) => {
      const ranked = await index.candidates(slug, first);
      const codes = ranked.map((r) => r.item.code);
      const [row] = await ctx.executor.read(
        candidateAnswerQuery(slug, codes, tree, new Statement()),
        'adoption-candidates',
      );
      return {
        seen: row!,
        result: () => {
          if (!row!.model) throw new NotFoundError('Model', slug);
          const regions = inOrder(RegionPlan, tree, row!.found, codes, 'an adoption candidate');
          return ranked.map((r, i) => ({
            region: regions[i]!,
            score: r.score,
            reasons: r.reasons,
          }));
        },
      };
    });
  }
}
