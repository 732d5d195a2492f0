import type { DomainModule } from '../core/module';
import { IndicatorEntity, UnitEntity } from './indicator.repository';
import { IndicatorResolver } from './indicator.resolver';

export const indicatorModule: DomainModule = {
  name: 'indicator',
  entities: [IndicatorEntity, UnitEntity],
  resolvers: [IndicatorResolver],
};
