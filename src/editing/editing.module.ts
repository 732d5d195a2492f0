import type { DomainModule } from '../core/module';
import { ChangeSetMemberResolver, ChangeSetResolver } from './change-set.resolver';
import { CHANGE_SET_CONSTRAINTS } from './change-set.statements';
import { CHANGE_CONSTRAINTS } from './change.statements';
import { EditingResolver } from './editing.resolver';
import { ProposalResolver } from './proposal.resolver';
import { ReviewResolver } from './review.resolver';

export const editingModule: DomainModule = {
  name: 'editing',
  resolvers: [
    EditingResolver,
    ProposalResolver,
    ReviewResolver,
    ChangeSetResolver,
    ChangeSetMemberResolver,
  ],
  constraints: [...CHANGE_CONSTRAINTS, ...CHANGE_SET_CONSTRAINTS],
};
