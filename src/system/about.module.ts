import type { DomainModule } from '../core/module';
import { AboutResolver } from './about.resolver';

export const aboutModule: DomainModule = { name: 'about', resolvers: [AboutResolver] };
