import { Args, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../core/context';
import { NotFoundError } from '../core/errors';
import { keyOf } from '../core/global-id';
import { loadExisting } from '../core/loader';
import { modelBySlug } from '../model/model.loader';
import { practiceByKey } from '../practice/practice.loader';
import { regionByCode } from '../region/region.loader';
import { CandidateArgs, PilotArgs } from './pilots.args';
import { countyUnitsQuery, practiceFeaturesQuery } from './pilots.repository';
import { rankCandidates, rankPilots } from './pilots.service';
import { PilotMatch, RegionMatch } from './pilots.type';

@Resolver()
export class PilotsResolver {
  @Query(() => [PilotMatch], { description: 'Practices most like the given one, best first, each with the reasons it scored.' })
  async comparablePilots(@Args() { practiceId, first }: PilotArgs, @Ctx() ctx: Context): Promise<PilotMatch[]> {
    const key = keyOf('Practice', practiceId, 'practiceId');
    const ranked = rankPilots(await ctx.executor.read(practiceFeaturesQuery(), 'pilot-features'), key, first);
    if (!ranked) throw new NotFoundError('Practice', key);
    const practices = await loadExisting(practiceByKey(ctx), ranked.map((r) => r.item.key), 'Practice', 'a pilot match');
    return ranked.map((r, i) => ({ practice: practices[i]!, score: r.score, reasons: r.reasons }));
  }

  @Query(() => [RegionMatch], { description: 'County-level units that have not adopted the model, ranked by likeness to those that have.' })
  async adoptionCandidates(@Args() { slug, first }: CandidateArgs, @Ctx() ctx: Context): Promise<RegionMatch[]> {
    if (!(await modelBySlug(ctx).load(slug))) throw new NotFoundError('Model', slug);
    const [features, units] = await Promise.all([ctx.executor.read(practiceFeaturesQuery(), 'pilot-features'), ctx.executor.read(countyUnitsQuery(), 'county-units')]);
    const ranked = rankCandidates(features, units.map((u) => u.unit), slug, first);
    const regions = await loadExisting(regionByCode(ctx), ranked.map((r) => r.item.code), 'Region', 'an adoption candidate');
    return ranked.map((r, i) => ({ region: regions[i]!, score: r.score, reasons: r.reasons }));
  }
}
