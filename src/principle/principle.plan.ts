import type { TypePlan } from '../core/plan';
import { PrincipleEntity } from './principle.repository';
import type { Principle } from './principle.type';

export const PrinciplePlan: TypePlan<Principle> = {
  typeName: 'Principle',
  entity: PrincipleEntity,
  relations: {},
};
