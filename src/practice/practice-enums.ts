import { graphqlEnum } from '../core/graphql-enum';
import {
  type PracticeCategory as Category,
  PRACTICE_CATEGORIES,
  PRACTICE_STATUSES,
  type PracticeStatus as Status,
} from '../core/vocabulary';

export const PracticeStatus = graphqlEnum(
  'PracticeStatus',
  PRACTICE_STATUSES,
  'Pilot (试点), rolled out (推广/全覆盖), planned, or ended.',
);
export type PracticeStatus = Status;

export const PracticeCategory = graphqlEnum(
  'PracticeCategory',
  PRACTICE_CATEGORIES,
  'The field a practice works in.',
);
export type PracticeCategory = Category;

export const SortDirection = graphqlEnum(
  'SortDirection',
  ['ASC', 'DESC'],
  'Ascending or descending order.',
);
export type SortDirection = keyof typeof SortDirection;
