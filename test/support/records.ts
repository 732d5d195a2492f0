import type { Indicator } from '../../src/indicator/indicator.type';
import type { GovernanceModel } from '../../src/model/model.type';
import type { Observation } from '../../src/observation/observation.type';
import type { Principle } from '../../src/principle/principle.type';
import type { Region } from '../../src/region/region.type';

/** Records as the repositories decode them, for unit tests of pure services. */
export const model = (slug: string, over: Partial<GovernanceModel> = {}): GovernanceModel => ({
  __typename: 'GovernanceModel',
  id: `GovernanceModel:${slug}`,
  slug,
  name: slug,
  nameEn: slug,
  pinyin: '',
  aliases: [],
  kind: 'MODEL',
  summary: null,
  summaryEn: null,
  principlesComplete: null,
  provenance: { citationIds: [], editorial: false, basis: null, note: null },
  ...over,
});

export const principle = (slug: string): Principle => ({
  __typename: 'Principle',
  id: `Principle:${slug}`,
  slug,
  name: slug,
  nameEn: slug,
  pinyin: null,
  kind: 'GOVERNANCE_MODE',
  description: null,
  descriptionEn: null,
});

export const region = (code: string): Region => ({
  __typename: 'Region',
  id: `Region:${code}`,
  code,
  name: code,
  officialName: code,
  nameEn: code,
  nameEnCurated: false,
  pinyin: null,
  aliases: [],
  level: 'COUNTY',
  kind: '区',
  autonomous: false,
  ethnicGroups: [],
  note: null,
  countyLevelZone: null,
  zoneCode: null,
});

export const indicator = (code: string): Indicator => ({
  __typename: 'Indicator',
  id: `Indicator:${code}`,
  code,
  name: code,
  nameEn: code,
  higherIsBetter: true,
  description: null,
  descriptionEn: null,
  unitCode: 'percent',
});

export const observation = (key: string, over: Partial<Observation> = {}): Observation => ({
  __typename: 'Observation',
  id: `Observation:${key}`,
  key,
  value: 1,
  unit: 'percent',
  qualifier: 'EXACT',
  periodKind: 'YEAR',
  period: '2020',
  periodStart: '2020-01-01',
  periodEnd: '2020-12-31',
  reported: '1%',
  reportedOffset: null,
  comparison: null,
  scope: null,
  note: null,
  sourceKind: 'OFFICIAL_SELF_REPORT_VIA_MEDIA',
  indicatorCode: 'rate',
  regionCode: '530103',
  practiceKey: null,
  numeratorKey: null,
  denominatorKey: null,
  citationIds: [],
  discrepancy: null,
  ...over,
});
