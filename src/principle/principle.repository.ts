import { z } from 'zod';
import { oneOf, optText, text } from '../core/db/decode';
import { type Entity, projector } from '../core/entity';
import { toGlobalId } from '../core/global-id';
import { PRINCIPLE_KINDS } from '../core/vocabulary';
import type { Principle } from './principle.type';

export const PrincipleEntity: Entity<Principle> = {
  label: 'Principle',
  key: 'slug',
  node: true,
  projection: projector(['slug', 'name', 'nameEn', 'pinyin', 'kind', 'description', 'descriptionEn']),
  decode: z
    .object({ slug: text, name: text, nameEn: text, pinyin: optText, kind: oneOf(PRINCIPLE_KINDS), description: optText, descriptionEn: optText })
    .transform((p): Principle => ({ ...p, __typename: 'Principle', id: toGlobalId('Principle', p.slug) })),
};
