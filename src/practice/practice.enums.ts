import { registerEnumType } from 'type-graphql';
import { enumOf, PRACTICE_CATEGORIES, PRACTICE_STATUSES, type PracticeCategory as Category, type PracticeStatus as Status } from '../core/vocabulary';

export const PracticeStatus = enumOf(PRACTICE_STATUSES);
export type PracticeStatus = Status;
registerEnumType(PracticeStatus, { name: 'PracticeStatus', description: 'Pilot (试点), rolled out (推广/全覆盖), planned, or ended.' });

export const PracticeCategory = enumOf(PRACTICE_CATEGORIES);
export type PracticeCategory = Category;
registerEnumType(PracticeCategory, { name: 'PracticeCategory', description: 'The field a practice works in.' });

export enum SortDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(SortDirection, { name: 'SortDirection', description: 'Ascending or descending order.' });
