import type { DomainModule } from '../core/module';
import { CitationEntity, SourceEntity } from './citation.repository';
import { CitationResolver, ProvenanceResolver, SourceResolver } from './citation.resolver';
import { Source } from './citation.type';

export const citationModule: DomainModule = {
  name: 'citation',
  entities: [CitationEntity, SourceEntity],
  resolvers: [CitationResolver, ProvenanceResolver, SourceResolver],
  types: [Source],
};
