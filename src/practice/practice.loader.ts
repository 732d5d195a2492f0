import { perRequest } from '../core/context';
import { byKey } from '../core/entity';
import { pageLoader } from '../core/pages';
import { PracticeEntity } from './practice.entity';
import { practicePagesQuery } from './practice.repository';

export const practiceByKey = byKey(PracticeEntity);

export const practiceLoaders = perRequest((executor) => ({
  /** Filtered pages of practices; sibling connections share one round trip. */
  pages: pageLoader(executor, 'practice-pages', practicePagesQuery),
}));
