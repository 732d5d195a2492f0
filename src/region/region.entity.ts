import { z } from 'zod';
import { flag, oneOf, optText, text, texts } from '../core/db/decode';
import { mapProjection, type Entity } from '../core/entity';
import { toGlobalId } from '../core/global-id';
import { REGION_LEVELS } from '../core/vocabulary';
import type { Region } from './region.type';

const PROPS = ['code', 'name', 'officialName', 'nameEn', 'nameEnCurated', 'pinyin', 'aliases', 'level', 'kind', 'autonomous', 'ethnicGroups', 'note'] as const;

const regionRow = z.object({
  code: text, name: text, officialName: optText, nameEn: optText, nameEnCurated: flag, pinyin: optText, aliases: texts,
  level: oneOf(REGION_LEVELS), kind: optText, autonomous: flag, ethnicGroups: texts, note: optText,
});

export const RegionEntity: Entity<Region> = {
  label: 'Region',
  key: 'code',
  node: true,
  indexes: ['level', 'name'],
  projection: (v) => mapProjection(v, PROPS),
  decode: regionRow.transform(
    (r): Region => ({
      ...r, __typename: 'Region', id: toGlobalId('Region', r.code), officialName: r.officialName ?? r.name, nameEn: r.nameEn ?? r.name, kind: r.kind ?? '其他',
    }),
  ),
};
