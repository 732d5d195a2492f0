import { z } from 'zod';
import { flag, oneOf, optFlag, optText, text, texts } from '../core/db/decode';
import { citedBy, mapProjection, type Entity } from '../core/entity';
import { toGlobalId } from '../core/global-id';
import { MODEL_KINDS } from '../core/vocabulary';
import type { GovernanceModel } from './model.type';

const PROPS = ['slug', 'name', 'nameEn', 'pinyin', 'aliases', 'kind', 'summary', 'summaryEn', 'principlesComplete', 'editorial', 'editorialBasis'] as const;

const modelRow = z.object({
  slug: text, name: text, nameEn: text, pinyin: optText, aliases: texts, kind: oneOf(MODEL_KINDS), summary: optText, summaryEn: optText,
  principlesComplete: optFlag, editorial: flag, editorialBasis: optText, citationIds: texts,
});

export const ModelEntity: Entity<GovernanceModel> = {
  label: 'GovernanceModel',
  key: 'slug',
  node: true,
  projection: (v) => mapProjection(v, PROPS, { citationIds: citedBy(v) }),
  decode: modelRow.transform(
    ({ editorial, editorialBasis, citationIds, pinyin, ...m }): GovernanceModel => ({
      ...m, __typename: 'GovernanceModel', id: toGlobalId('GovernanceModel', m.slug), pinyin: pinyin ?? '',
      provenance: { citationIds, editorial, basis: editorialBasis, note: null },
    }),
  ),
};
