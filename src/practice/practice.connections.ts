import { toConnection, toPage, type Connection } from '../common/pagination';
import type { Observation, ObservationFilter, ObservationOrder } from '../observation/observation.type';
import type { Context } from '../server/context';
import { DEFAULT_OBSERVATION_ORDER, DEFAULT_PRACTICE_ORDER, observationCriteria, practiceCriteria } from './practice.criteria';
import type { Practice, PracticeFilter, PracticeOrder } from './practice.type';

/** A page of practices through the batching loader: sibling connections share one round trip. */
export async function practiceConnection(ctx: Context, filter: Partial<PracticeFilter> | null | undefined, order: PracticeOrder | null | undefined, first?: number | null, after?: string | null): Promise<Connection<Practice>> {
  const page = toPage(first, after);
  const result = await ctx.loaders.practicePages.load({ f: practiceCriteria(filter), skip: page.skip, limit: page.limit, order: order ?? DEFAULT_PRACTICE_ORDER });
  return toConnection(result?.items ?? [], page, result?.total ?? 0);
}

export async function observationConnection(ctx: Context, filter: Partial<ObservationFilter> | null | undefined, order: ObservationOrder | null | undefined, first?: number | null, after?: string | null): Promise<Connection<Observation>> {
  const page = toPage(first, after);
  const result = await ctx.loaders.observationPages.load({ f: observationCriteria(filter), skip: page.skip, limit: page.limit, order: order ?? DEFAULT_OBSERVATION_ORDER });
  return toConnection(result?.items ?? [], page, result?.total ?? 0);
}
