import type { DomainModule } from '../core/module';
import { CHANGE_CONSTRAINTS } from './editing.repository';
import { EditingResolver, RetractionResolver, WithdrawalResolver } from './editing.resolver';

export const editingModule: DomainModule = {
  name: 'editing',
  resolvers: [EditingResolver, RetractionResolver, WithdrawalResolver],
  constraints: CHANGE_CONSTRAINTS,
};
