import type { DomainModule } from '../core/module';
import { searchIndexes } from './search-indexes';
import { SearchResolver } from './search.resolver';

export const searchModule: DomainModule = {
  name: 'search',
  resolvers: [SearchResolver],
  schema: searchIndexes(),
};
