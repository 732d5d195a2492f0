import { byKey } from '../core/entity';
import { PrincipleEntity } from './principle.repository';

export const principleBySlug = byKey(PrincipleEntity);
