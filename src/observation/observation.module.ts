import type { DomainModule } from '../core/module';
import { ObservationEntity } from './observation.repository';
import { ObservationResolver } from './observation.resolver';

export const observationModule: DomainModule = {
  name: 'observation',
  entities: [ObservationEntity],
  resolvers: [ObservationResolver],
};
