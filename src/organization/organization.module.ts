import type { DomainModule } from '../core/module';
import { OrganizationEntity, PersonEntity } from './organization.repository';
import { OrganizationResolver, PersonResolver, PositionResolver } from './organization.resolver';
import { Organization, Person } from './organization.type';

export const organizationModule: DomainModule = {
  name: 'organization',
  entities: [OrganizationEntity, PersonEntity],
  resolvers: [OrganizationResolver, PersonResolver, PositionResolver],
  types: [Organization, Person],
};
