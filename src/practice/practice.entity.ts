import { z } from 'zod';
import { oneOf, optOneOf, optText, text, texts } from '../core/db/decode';
import { citedBy, mapProjection, type Entity } from '../core/entity';
import { toGlobalId } from '../core/global-id';
import { toPartialDate } from '../core/partial-date.type';
import { DATE_PRECISIONS, PRACTICE_CATEGORIES, PRACTICE_STATUSES } from '../core/vocabulary';
import type { Practice } from './practice.type';

const PROPS = ['id', 'name', 'nameEn', 'site', 'siteEn', 'category', 'status', 'startDate', 'startPrecision', 'scale', 'scaleEn', 'description', 'descriptionEn'] as const;

const practiceRow = z.object({
  id: text, name: text, nameEn: text, site: optText, siteEn: optText, category: oneOf(PRACTICE_CATEGORIES), status: oneOf(PRACTICE_STATUSES),
  startDate: optText, startPrecision: optOneOf(DATE_PRECISIONS), scale: optText, scaleEn: optText, description: optText, descriptionEn: optText,
  regionCode: text, citationIds: texts,
});

export const PracticeEntity: Entity<Practice> = {
  label: 'Practice',
  key: 'id',
  node: true,
  indexes: ['status'],
  projection: (v) => mapProjection(v, PROPS, { regionCode: `[(${v})-[:IN]->(x_reg:Region) | x_reg.code][0]`, citationIds: citedBy(v) }),
  decode: practiceRow.transform(
    ({ id, startDate, startPrecision, ...p }): Practice => ({
      ...p, __typename: 'Practice', id: toGlobalId('Practice', id), key: id, started: toPartialDate(startDate, startPrecision),
    }),
  ),
};
