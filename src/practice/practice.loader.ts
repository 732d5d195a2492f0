import { type Context, perRequest } from '../core/context';
import { byKey } from '../core/entity';
import { pagedConnection, pageLoader } from '../core/pages';
import { type Connection, toPage } from '../core/pagination';
import { SortDirection } from './practice-enums';
import {
  type PracticeCriteria,
  PracticeEntity,
  type PracticePageKey,
  practiceShape,
} from './practice.repository';
import {
  type Practice,
  type PracticeFilter,
  type PracticeOrder,
  PracticeOrderField,
} from './practice.type';

export const practiceByKey = byKey(PracticeEntity);

export const practiceLoaders = perRequest((executor) => ({
  /** Filtered pages of practices; sibling connections share one round trip. */
  pages: pageLoader(executor, 'practice-pages', PracticeEntity, (key: PracticePageKey, statement) =>
    practiceShape(key, statement),
  ),
}));

export const DEFAULT_PRACTICE_ORDER: PracticeOrder = {
  field: PracticeOrderField.START_DATE,
  direction: SortDirection.ASC,
};

/** Filter values as criteria, each null when absent (the values were validated as arguments). */
export function practiceCriteria(f: Partial<PracticeFilter> | null | undefined): PracticeCriteria {
  return {
    regionCode: f?.regionCode ?? null,
    includeSubregions: Boolean(f?.includeSubregions),
    model: f?.model ?? null,
    principle: f?.principle ?? null,
    status: f?.status ?? null,
    category: f?.category ?? null,
    startedFrom: f?.startedFrom ?? null,
    startedTo: f?.startedTo ?? null,
  };
}

/** The page key of a practices connection: the resolver asks for it, a prefetch primes it. */
export function practicePageKey(
  filter: Partial<PracticeFilter> | null | undefined,
  order: PracticeOrder | null | undefined,
  first: number | null | undefined,
  after: string | null | undefined,
  count: boolean,
): PracticePageKey {
  const o = order ?? DEFAULT_PRACTICE_ORDER;
  return {
    f: practiceCriteria(filter),
    order: { field: o.field, direction: o.direction },
    ...toPage(first, after),
    count,
  };
}

/**
 * A page of practices through the request's loader (primed by a prefetch, or batched with its
 * siblings).
 */
export function practiceConnection(
  ctx: Context,
  key: PracticePageKey,
): Promise<Connection<Practice>> {
  return pagedConnection(practiceLoaders(ctx).pages, key);
}
