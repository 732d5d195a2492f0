import { z } from 'zod';
import { oneOf, optFlag, optText, text } from '../core/db/decode';
import { mapProjection, type Entity } from '../core/entity';
import { toGlobalId } from '../core/global-id';
import { UNIT_KINDS } from '../core/vocabulary';
import type { Indicator, Unit } from './indicator.type';

export const IndicatorEntity: Entity<Indicator> = {
  label: 'Indicator',
  key: 'code',
  node: true,
  projection: (v) => mapProjection(v, ['code', 'name', 'nameEn', 'unit', 'higherIsBetter', 'description', 'descriptionEn']),
  decode: z
    .object({ code: text, name: text, nameEn: text, unit: text, higherIsBetter: optFlag, description: optText, descriptionEn: optText })
    .transform(({ unit, ...i }): Indicator => ({ ...i, __typename: 'Indicator', id: toGlobalId('Indicator', i.code), unitCode: unit })),
};

/** Units are looked up by code but are not nodes of the API (no global id). */
export const UnitEntity: Entity<Unit> = {
  label: 'Unit',
  key: 'code',
  node: false,
  projection: (v) => mapProjection(v, ['code', 'name', 'nameEn', 'kind']),
  decode: z.object({ code: text, name: text, nameEn: text, kind: oneOf(UNIT_KINDS) }),
};
