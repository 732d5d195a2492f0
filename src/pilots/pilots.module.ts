import type { DomainModule } from '../core/module';
import { PilotsResolver } from './pilots.resolver';

export const pilotsModule: DomainModule = { name: 'pilots', resolvers: [PilotsResolver] };
