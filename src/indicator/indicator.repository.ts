import { z } from 'zod';
import { flag, lazy, oneOf, text } from '../core/db/decode';
import { type Entity, lazyByName, projector } from '../core/entity';
import { toGlobalId } from '../core/global-id';
import { UNIT_KINDS } from '../core/vocabulary';
import type { Indicator, Unit } from './indicator.type';

export const IndicatorEntity: Entity<Indicator> = {
  label: 'Indicator',
  key: 'code',
  node: true,
  projection: projector(
    ['code', 'name', 'nameEn', 'unit', 'higherIsBetter', 'description', 'descriptionEn'],
    undefined,
    { ...lazyByName(['description', 'descriptionEn']), ...lazyByName(['name', 'nameEn']) },
  ),
  decode: z
    .object({
      code: text,
      name: lazy.text,
      nameEn: lazy.text,
      unit: text,
      higherIsBetter: flag,
      description: lazy.optText,
      descriptionEn: lazy.optText,
    })
    .transform((i): Indicator => ({
      __typename: 'Indicator',
      id: toGlobalId('Indicator', i.code),
      code: i.code,
      name: i.name ?? '',
      nameEn: i.nameEn ?? '',
      higherIsBetter: i.higherIsBetter,
      description: i.description ?? null,
      descriptionEn: i.descriptionEn ?? null,
      unitCode: i.unit,
    })),
};

/** Units are looked up by code but are not nodes of the API (no global id). */
export const UnitEntity: Entity<Unit> = {
  label: 'Unit',
  key: 'code',
  node: false,
  projection: projector(['code', 'name', 'nameEn', 'kind']),
  decode: z.object({ code: text, name: text, nameEn: text, kind: oneOf(UNIT_KINDS) }),
};
