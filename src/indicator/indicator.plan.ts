import type { TypePlan } from '../core/plan';
import { IndicatorEntity } from './indicator.repository';
import type { Indicator } from './indicator.type';

export const IndicatorPlan: TypePlan<Indicator> = {
  typeName: 'Indicator',
  entity: IndicatorEntity,
  relations: {},
};
