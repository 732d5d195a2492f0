import { byKey } from '../core/entity';
import { PrincipleEntity } from './principle.entity';

export const principleBySlug = byKey(PrincipleEntity);
