import type { DomainModule } from '../core/module';
import { RegionEntity } from './region.repository';
import { CountyLevelZoneResolver, RegionResolver } from './region.resolver';

export const regionModule: DomainModule = {
  name: 'region',
  entities: [RegionEntity],
  resolvers: [RegionResolver, CountyLevelZoneResolver],
};
