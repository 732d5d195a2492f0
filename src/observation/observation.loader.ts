import { perRequest, type Context } from '../core/context';
import { byKey } from '../core/entity';
import { pageLoader, pagedConnection } from '../core/pages';
import { ObservationEntity, observationPagesQuery, type ObservationCriteria } from './observation.repository';
import { keyOf } from '../core/global-id';
import type { Connection } from '../core/pagination';
import { SortDirection } from '../practice/practice.enums';
import { ObservationOrderField, type Observation, type ObservationFilter, type ObservationOrder } from './observation.type';

export const observationByKey = byKey(ObservationEntity);

export const observationLoaders = perRequest((executor) => ({
  /** Filtered pages of figures; sibling connections share one round trip. */
  pages: pageLoader(executor, 'observation-pages', observationPagesQuery),
}));

export const DEFAULT_OBSERVATION_ORDER: ObservationOrder = { field: ObservationOrderField.REGION, direction: SortDirection.ASC };

/** Filter values as criteria, each null when absent (the values were validated as arguments). */
export function observationCriteria(f: Partial<ObservationFilter> | null | undefined): ObservationCriteria {
  return {
    regionCode: f?.regionCode ?? null,
    includeSubregions: Boolean(f?.includeSubregions),
    indicator: f?.indicator ?? null,
    practice: f?.practice ? keyOf('Practice', f.practice, 'practice') : null,
    model: f?.model ?? null,
    periodFrom: f?.periodFrom ?? null,
    periodTo: f?.periodTo ?? null,
    sourceKind: f?.sourceKind ?? null,
  };
}

/** A page of figures through the batching loader: sibling connections share one round trip. */
export function observationConnection(ctx: Context, filter: Partial<ObservationFilter> | null | undefined, order: ObservationOrder | null | undefined, first?: number | null, after?: string | null): Promise<Connection<Observation>> {
  return pagedConnection(observationLoaders(ctx).pages, observationCriteria(filter), order ?? DEFAULT_OBSERVATION_ORDER, first, after);
}
