import type { DomainModule } from '../core/module';
import { PracticeEntity } from './practice.repository';
import { PracticeResolver } from './practice.resolver';

export const practiceModule: DomainModule = {
  name: 'practice',
  entities: [PracticeEntity],
  resolvers: [PracticeResolver],
};
