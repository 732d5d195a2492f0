import type { DomainModule } from '../core/module';
import { CHANGE_CONSTRAINTS } from './change.statements';
import { EditingResolver } from './editing.resolver';
import { ProposalResolver } from './proposal.resolver';
import { ReviewResolver } from './review.resolver';

export const editingModule: DomainModule = {
  name: 'editing',
  resolvers: [EditingResolver, ProposalResolver, ReviewResolver],
  constraints: CHANGE_CONSTRAINTS,
};
