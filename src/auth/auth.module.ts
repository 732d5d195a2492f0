import type { DomainModule } from '../core/module';
import { apiKeyConstraint } from './apikey.repository';
import { AuthResolver } from './auth.resolver';

export const authModule: DomainModule = {
  name: 'auth',
  resolvers: [AuthResolver],
  constraints: [apiKeyConstraint],
};
