import type { DomainModule } from '../core/module';
import { ModelEntity } from './model.repository';
import { AdoptionResolver, ModelResolver } from './model.resolver';

export const modelModule: DomainModule = {
  name: 'model',
  entities: [ModelEntity],
  resolvers: [ModelResolver, AdoptionResolver],
};
