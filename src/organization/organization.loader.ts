import { perRequest } from '../core/context';
import { byKey } from '../core/entity';
import { listLoader, rowsByKey } from '../core/loader';
import {
  OrganizationEntity,
  organizationsOfPracticesQuery,
  PersonEntity,
} from './organization.repository';

export const organizationByKey = byKey(OrganizationEntity);
export const personByKey = byKey(PersonEntity);

export const organizationLoaders = perRequest((executor) => ({
  /** Organisations involved in a practice, by practice key. */
  ofPractice: listLoader(
    rowsByKey(executor, 'practice-organizations', organizationsOfPracticesQuery, (r) => r.orgs),
  ),
}));
