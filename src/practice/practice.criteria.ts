import { checkRegionCode, checkSlug } from '../common/args';
import { keyOf } from '../common/global-id';
import type { ObservationCriteria } from '../observation/observation.repository';
import type { ObservationFilter, ObservationOrder } from '../observation/observation.type';
import { ObservationOrderField } from '../observation/observation.type';
import { SortDirection } from './practice.enums';
import type { PracticeCriteria } from './practice.repository';
import { PracticeOrderField, type PracticeFilter, type PracticeOrder } from './practice.type';

/** Validated filter values, each criterion null when absent. */
export function practiceCriteria(f: Partial<PracticeFilter> | null | undefined): PracticeCriteria {
  return {
    regionCode: f?.regionCode ? checkRegionCode(f.regionCode) : null,
    includeSubregions: Boolean(f?.includeSubregions),
    model: f?.model ? checkSlug(f.model, 'model') : null,
    principle: f?.principle ? checkSlug(f.principle, 'principle') : null,
    status: f?.status ?? null,
    category: f?.category ?? null,
    startedFrom: f?.startedFrom ?? null,
    startedTo: f?.startedTo ?? null,
  };
}

export function observationCriteria(f: Partial<ObservationFilter> | null | undefined): ObservationCriteria {
  return {
    regionCode: f?.regionCode ? checkRegionCode(f.regionCode) : null,
    includeSubregions: Boolean(f?.includeSubregions),
    indicator: f?.indicator ?? null,
    practice: f?.practice ? keyOf('Practice', f.practice) : null,
    model: f?.model ? checkSlug(f.model, 'model') : null,
    periodFrom: f?.periodFrom ?? null,
    periodTo: f?.periodTo ?? null,
    sourceKind: f?.sourceKind ?? null,
  };
}

export const DEFAULT_PRACTICE_ORDER: PracticeOrder = { field: PracticeOrderField.START_DATE, direction: SortDirection.ASC };
export const DEFAULT_OBSERVATION_ORDER: ObservationOrder = { field: ObservationOrderField.REGION, direction: SortDirection.ASC };
