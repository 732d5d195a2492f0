import { z } from 'zod';
import { lazy, oneOf, text } from '../core/db/decode';
import { type Entity, lazyByName, projector } from '../core/entity';
import { toGlobalId } from '../core/global-id';
import { PRINCIPLE_KINDS } from '../core/vocabulary';
import type { Principle } from './principle.type';

export const PrincipleEntity: Entity<Principle> = {
  label: 'Principle',
  key: 'slug',
  node: true,
  projection: projector(
    ['slug', 'name', 'nameEn', 'pinyin', 'kind', 'description', 'descriptionEn'],
    undefined,
    {
      ...lazyByName(['pinyin', 'description', 'descriptionEn']),
      ...lazyByName(['name', 'nameEn']),
    },
  ),
  decode: z
    .object({
      slug: text,
      name: lazy.text,
      nameEn: lazy.text,
      pinyin: lazy.optText,
      kind: oneOf(PRINCIPLE_KINDS),
      description: lazy.optText,
      descriptionEn: lazy.optText,
    })
    .transform((p): Principle => ({
      __typename: 'Principle',
      id: toGlobalId('Principle', p.slug),
      slug: p.slug,
      name: p.name ?? '',
      nameEn: p.nameEn ?? '',
      pinyin: p.pinyin ?? null,
      kind: p.kind,
      description: p.description ?? null,
      descriptionEn: p.descriptionEn ?? null,
    })),
};
