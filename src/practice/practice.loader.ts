import { perRequest, type Context } from '../core/context';
import { byKey } from '../core/entity';
import { pageLoader, pagedConnection } from '../core/pages';
import { PracticeEntity, practicePagesQuery, type PracticeCriteria } from './practice.repository';
import type { Connection } from '../core/pagination';
import { SortDirection } from './practice.enums';
import { PracticeOrderField, type Practice, type PracticeFilter, type PracticeOrder } from './practice.type';

export const practiceByKey = byKey(PracticeEntity);

export const practiceLoaders = perRequest((executor) => ({
  /** Filtered pages of practices; sibling connections share one round trip. */
  pages: pageLoader(executor, 'practice-pages', practicePagesQuery),
}));

export const DEFAULT_PRACTICE_ORDER: PracticeOrder = { field: PracticeOrderField.START_DATE, direction: SortDirection.ASC };

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

/** A page of practices through the batching loader: sibling connections share one round trip. */
export function practiceConnection(ctx: Context, filter: Partial<PracticeFilter> | null | undefined, order: PracticeOrder | null | undefined, first?: number | null, after?: string | null): Promise<Connection<Practice>> {
  return pagedConnection(practiceLoaders(ctx).pages, practiceCriteria(filter), order ?? DEFAULT_PRACTICE_ORDER, first, after);
}
