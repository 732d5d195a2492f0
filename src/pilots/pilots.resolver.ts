import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import { checkSlug } from '../common/args';
import { keyOf } from '../common/global-id';
import type { Row } from '../db/executor';
import { BadInputError, NotFoundError } from '../errors/errors';
import type { Practice } from '../practice/practice.type';
import type { Region } from '../region/region.type';
import type { Context } from '../server/context';
import { countyUnitsQuery, practiceFeaturesQuery, toCountyFeatures, toPracticeFeatures } from './pilots.repository';
import { PilotMatch, RegionMatch } from './pilots.type';
import { rank, scoreCandidate, scorePilot } from './scoring';

const MAX_MATCHES = 50;

function checkFirst(first: number): number {
  if (!Number.isInteger(first) || first < 1 || first > MAX_MATCHES) throw new BadInputError(`first must be between 1 and ${MAX_MATCHES}`, 'first');
  return first;
}

@Resolver()
export class PilotsResolver {
  @Query(() => [PilotMatch], { description: 'Practices most like the given one, best first, each with the reasons it scored.' })
  async comparablePilots(
    @Arg('practiceId', () => ID, { description: 'Global id (Practice:…) or key of the practice.' }) practiceId: string,
    @Arg('first', () => Int, { defaultValue: 10 }) first: number,
    @Ctx() ctx: Context,
  ): Promise<PilotMatch[]> {
    checkFirst(first);
    const key = keyOf('Practice', practiceId);
    const { practices, names } = toPracticeFeatures(await ctx.executor.read(practiceFeaturesQuery(), 'pilot-features'));
    const target = practices.find((p) => p.key === key);
    if (!target) throw new NotFoundError('Practice', key);
    const ranked = rank(practices.filter((p) => p.key !== key).map((p) => scorePilot(target, p, names)), (p) => p.key, first);
    const loaded = await ctx.loaders.practice.loadMany(ranked.map((r) => r.item.key));
    return ranked.map((r, i) => ({ practice: loaded[i] as Practice, score: r.score, reasons: r.reasons }));
  }

  @Query(() => [RegionMatch], { description: 'County-level units that have not adopted the model, ranked by likeness to those that have.' })
  async adoptionCandidates(@Arg('slug', () => String) slug: string, @Arg('first', () => Int, { defaultValue: 10 }) first: number, @Ctx() ctx: Context): Promise<RegionMatch[]> {
    checkFirst(first);
    if (!(await ctx.loaders.model.load(checkSlug(slug)))) throw new NotFoundError('Model', slug);
    const [featureRows, unitRows] = await Promise.all([ctx.executor.read(practiceFeaturesQuery(), 'pilot-features'), ctx.executor.read(countyUnitsQuery(), 'county-units')]);
    const { practices, names } = toPracticeFeatures(featureRows);
    const units = toCountyFeatures(unitRows.map((r) => r.unit as Row), practices);
    const adopters = units.filter((u) => u.models.includes(slug));
    if (adopters.length === 0) return [];
    const candidates = units.filter((u) => !u.models.includes(slug) && u.code.length === 6);
    const ranked = rank(candidates.map((c) => scoreCandidate(c, adopters, names)), (c) => c.code, first);
    const loaded = await ctx.loaders.region.loadMany(ranked.map((r) => r.item.code));
    return ranked.map((r, i) => ({ region: loaded[i] as Region, score: r.score, reasons: r.reasons }));
  }
}
