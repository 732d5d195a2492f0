import { byKey } from '../core/entity';
import { IndicatorEntity, UnitEntity } from './indicator.repository';

export const indicatorByCode = byKey(IndicatorEntity);
export const unitByCode = byKey(UnitEntity);
