import { type Context, perRequest } from '../core/context';
import { byKey } from '../core/entity';
import { keyOf } from '../core/global-id';
import { pagedConnection, pageLoader } from '../core/pages';
import { type Connection, toPage } from '../core/pagination';
import { SortDirection } from '../practice/practice-enums';
import {
  type ObservationCriteria,
  ObservationEntity,
  type ObservationPageKey,
  observationShape,
} from './observation.repository';
import {
  type Observation,
  type ObservationFilter,
  type ObservationOrder,
  ObservationOrderField,
} from './observation.type';

export const observationByKey = byKey(ObservationEntity);

export const observationLoaders = perRequest((executor) => ({
  /** Filtered pages of figures; sibling connections share one round trip. */
  pages: pageLoader(
    executor,
    'observation-pages',
    ObservationEntity,
    (key: ObservationPageKey, statement) => observationShape(key, statement),
  ),
}));

export const DEFAULT_OBSERVATION_ORDER: ObservationOrder = {
  field: ObservationOrderField.REGION,
  direction: SortDirection.ASC,
};

/** Filter values as criteria, each null when absent (the values were validated as arguments). */
export function observationCriteria(
  f: Partial<ObservationFilter> | null | undefined,
): ObservationCriteria {
  return {
    regionCode: f?.regionCode ?? null,
    includeSubregions: Boolean(f?.includeSubregions),
    indicator: f?.indicator ?? null,
    practice: f?.practice ? keyOf('Practice', f.practice, 'practice') : null,
    model: f?.model ?? null,
    periodFrom: f?.periodFrom ?? null,
    periodTo: f?.periodTo ?? null,
    sourceKind: f?.sourceKind ?? null,
    periodKinds: f?.periodKinds ? [...new Set(f.periodKinds)].sort() : null,
    discrepancy: f?.discrepancy ?? null,
  };
}

/** The page key of a figures connection: the resolver asks for it, a prefetch primes it. */
export function observationPageKey(
  filter: Partial<ObservationFilter> | null | undefined,
  order: ObservationOrder | null | undefined,
  first: number | null | undefined,
  after: string | null | undefined,
  count: boolean,
): ObservationPageKey {
  const o = order ?? DEFAULT_OBSERVATION_ORDER;
  return {
    f: observationCriteria(filter),
    order: { field: o.field, direction: o.direction },
    ...toPage(first, after),
    count,
  };
}

/**
 * A page of figures through the request's loader (primed by a prefetch, or batched with its
 * siblings).
 */
export function observationConnection(
  ctx: Context,
  key: ObservationPageKey,
): Promise<Connection<Observation>> {
  return pagedConnection(observationLoaders(ctx).pages, key);
}
