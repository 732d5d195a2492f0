import type { DomainModule } from '../core/module';
import { PrincipleEntity } from './principle.repository';
import { PrincipleResolver } from './principle.resolver';

export const principleModule: DomainModule = {
  name: 'principle',
  entities: [PrincipleEntity],
  resolvers: [PrincipleResolver],
};
