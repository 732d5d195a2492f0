import type { DomainModule } from '../core/module';
import { CompareResolver } from './compare.resolver';

export const compareModule: DomainModule = { name: 'compare', resolvers: [CompareResolver] };
