import { enumOf } from '../common/enum';
import { PRACTICE_STATUSES, PRACTICE_CATEGORIES } from '../seed/seed.schema';
import { registerEnumType } from 'type-graphql';

export const PracticeStatus = enumOf(PRACTICE_STATUSES);
export type PracticeStatus = (typeof PRACTICE_STATUSES)[number];
registerEnumType(PracticeStatus, { name: 'PracticeStatus', description: 'Pilot (试点), rolled out (推广/全覆盖), planned, or ended.' });

export const PracticeCategory = enumOf(PRACTICE_CATEGORIES);
export type PracticeCategory = (typeof PRACTICE_CATEGORIES)[number];
registerEnumType(PracticeCategory, { name: 'PracticeCategory', description: 'The field a practice works in.' });

export enum SortDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(SortDirection, { name: 'SortDirection', description: 'Ascending or descending order.' });
