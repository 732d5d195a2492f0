import { perRequest } from '../core/context';
import { byKey } from '../core/entity';
import { pageLoader } from '../core/pages';
import { ObservationEntity } from './observation.entity';
import { observationPagesQuery } from './observation.repository';

export const observationByKey = byKey(ObservationEntity);

export const observationLoaders = perRequest((executor) => ({
  /** Filtered pages of figures; sibling connections share one round trip. */
  pages: pageLoader(executor, 'observation-pages', observationPagesQuery),
}));
