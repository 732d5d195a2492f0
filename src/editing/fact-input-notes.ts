import { citationSchema, editorialSchema, reviewSchema } from '../facts/fact-fields';
import type { FactType } from './editing-facts';

/**
 * The names and descriptions of the typed fact inputs (fact-input.type.ts): what the seed format
 * says of each field (seed/FORMAT.md), in the schema's own words.
 */

/** Each kind's field on FactInput and the name its input type is made from. */
export const KIND_FIELDS: Record<FactType, { field: string; name: string }> = {
  SOURCE: { field: 'source', name: 'Source' },
  MODEL: { field: 'model', name: 'Model' },
  PRINCIPLE: { field: 'principle', name: 'Principle' },
  PRACTICE: { field: 'practice', name: 'Practice' },
  OBSERVATION: { field: 'observation', name: 'Observation' },
  ORGANIZATION: { field: 'organization', name: 'Organization' },
  LINEAGE_LINK: { field: 'lineageLink', name: 'LineageLink' },
  UNIT: { field: 'unit', name: 'Unit' },
  INDICATOR: { field: 'indicator', name: 'Indicator' },
  ZONE: { field: 'zone', name: 'Zone' },
};

/** Parts shared by every kind, named once. */
export const INPUT_NAMES = new Map<unknown, string>([
  [citationSchema, 'CitationInput'],
  [editorialSchema, 'EditorialInput'],
  [reviewSchema, 'ClaimReviewInput'],
]);

const NOTES: Record<string, string> = {
  id: 'Its id: a kebab-case slug, unique among its kind.',
  slug: 'Its slug: kebab-case, unique among its kind.',
  code: 'Its code.',
  name: 'Its Chinese name.',
  nameEn: 'Its English name.',
  pinyin: 'Its name in pinyin.',
  aliases: 'Other names it goes by.',
  kind: 'What kind it is.',
  title: 'The title, as published.',
  titleEn: 'The title in English.',
  author: 'Who wrote it.',
  publisher: 'Who published it.',
  originalPublisher: 'Who first published it, when it is a reprint.',
  reporters: 'The reporters named in it.',
  published: 'When it was published (ISO 8601 with offset).',
  language: 'Its language (a BCP 47 tag, e.g. zh-Hans).',
  url: 'Where it was published.',
  text: 'The whole text: quotes are found in it verbatim.',
  sha256: "The text's SHA-256 (hex), as a check that it arrived intact.",
  original: 'The file the text was read from, as received.',
  file: 'The file name.',
  mediaType: 'Its media type.',
  bytes: 'Its size in bytes.',
  summary: 'A summary in Chinese.',
  summaryEn: 'A summary in English.',
  description: 'A description in Chinese.',
  descriptionEn: 'A description in English.',
  origin: 'Where and when it began, as its quotes state.',
  region: 'The official code of its region.',
  year: 'The year.',
  principles: 'The principles it is built from, in order.',
  principlesComplete: 'Whether the principles given are all of them.',
  derivedFrom: 'The models it derives from.',
  relation: 'How it derives from the other.',
  since: 'The year the relation began.',
  note: 'A note for readers.',
  site: 'Where in the region, in Chinese.',
  siteEn: 'Where in the region, in English.',
  models: 'The slugs of the models it implements.',
  category: 'What kind of practice it is.',
  status: 'Whether it is running.',
  started: 'When it started.',
  date: 'A date: YYYY, YYYY-MM or YYYY-MM-DD.',
  precision: 'How precise the date is.',
  scale: 'How large it is, in Chinese.',
  scaleEn: 'How large it is, in English.',
  organizations: 'The ids of the organisations involved.',
  indicator: 'The code of the indicator it measures.',
  value: 'The figure, as a number.',
  unit: 'The code of its unit.',
  qualifier: 'How exact the figure is.',
  time: 'What kind of time it holds for.',
  period: 'When it holds: an ISO 8601 date or interval (2020, 2020-01/2020-06, ../2020-12-31).',
  practice: 'The id of the practice it is about.',
  numerator: 'For a rate: the id of the count above.',
  denominator: 'For a rate: the id of the count below.',
  comparison: 'For a change: what it is measured against.',
  basePeriod: 'The period it is compared with.',
  scope: 'What the figure covers, where narrower than its region.',
  reported: 'The words the figure was reported in, verbatim from its quote.',
  reportedOccurrence: 'Which occurrence of the words in the quote, when they stand there twice.',
  sourceKind: 'The kind of source that reported it.',
  discrepancy: 'Where the reported rate differs from what its counts give.',
  computed: 'The rate its counts give.',
  higherIsBetter: 'Whether a higher value is better (null: neither).',
  host: 'The official code of the county that hosts it.',
  basis: 'What it rests on.',
  citations: 'Verbatim quotes of stored sources that state it.',
  editorial: 'An editorial basis, where no source states it.',
  review: 'The review of the claim against its quotes.',
  verdict: 'STATED by its quotes, or EDITORIAL.',
  reason: 'Why.',
  quote: 'The words, verbatim.',
  source: 'The id of the source they are from (default: the founding report).',
  occurrence: 'Which occurrence in the source, when the words stand there more than once.',
  from: 'The slug of the model that derives.',
  to: 'The slug of the model it derives from.',
};

/** A field's description on an input type. */
export function fieldNote(typeName: string, field: string): string {
  const note = NOTES[field];
  if (!note) throw new Error(`no description for ${typeName}.${field}`);
  return note;
}
