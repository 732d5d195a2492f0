import type { DomainModule } from '../core/module';
import { NodeResolver } from './node.resolver';

export const nodeModule: DomainModule = { name: 'node', resolvers: [NodeResolver] };
