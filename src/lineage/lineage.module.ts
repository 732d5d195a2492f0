import type { DomainModule } from '../core/module';
import { LineageResolver } from './lineage.resolver';

export const lineageModule: DomainModule = { name: 'lineage', resolvers: [LineageResolver] };
