import { z } from 'zod';
import { oneOf, flag, optText, text } from '../core/db/decode';
import { type Entity, projector } from '../core/entity';
import { toGlobalId } from '../core/global-id';
import { UNIT_KINDS } from '../core/vocabulary';
import type { Indicator, Unit } from './indicator.type';

export const IndicatorEntity: Entity<Indicator> = {
  label: 'Indicator',
  key: 'code',
  node: true,
  projection: projector(['code', 'name', 'nameEn', 'unit', 'higherIsBetter', 'description', 'descriptionEn']),
  decode: z
    .object({ code: text, name: text, nameEn: text, unit: text, higherIsBetter: flag, description: optText, descriptionEn: optText })
    .transform(({ unit, ...i }): Indicator => ({ ...i, __typename: 'Indicator', id: toGlobalId('Indicator', i.code), unitCode: unit })),
};

/** Units are looked up by code but are not nodes of the API (no global id). */
export const UnitEntity: Entity<Unit> = {
  label: 'Unit',
  key: 'code',
  node: false,
  projection: projector(['code', 'name', 'nameEn', 'kind']),
  decode: z.object({ code: text, name: text, nameEn: text, kind: oneOf(UNIT_KINDS) }),
};
