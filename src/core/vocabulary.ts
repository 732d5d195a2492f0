/**
 * The domain's closed vocabularies, written once: the seed's schema validates against them and
 * the GraphQL enums are built from them. Adding a value here adds it everywhere.
 */
export const SOURCE_KINDS = [
  'OFFICIAL_SELF_REPORT_VIA_MEDIA',
  'MEDIA',
  'GOVERNMENT',
  'ACADEMIC',
  'INDEPENDENT_EVALUATION',
] as const;
export const MODEL_KINDS = ['MODEL', 'EXPERIENCE', 'MECHANISM', 'PROGRAMME', 'PLATFORM'] as const;
export const LINEAGE_RELATIONS = [
  'ADAPTATION',
  'EXTENSION',
  'DIGITALISATION',
  'LOCALISATION',
  'INSPIRATION',
  'PART_OF',
] as const;
export const PRINCIPLE_KINDS = [
  'GOVERNANCE_MODE',
  'TARGET',
  'DUTY',
  'MEASURE',
  'DIMENSION',
  'STRUCTURE',
] as const;
/**
 * TEAM: a named team, corps, room or group of people formed for a task (快审团队, 家事观察员);
 * VOLUNTEER_GROUP: volunteers (红袖标治安志愿者).
 */
export const ORGANIZATION_KINDS = [
  'PARTY_COMMITTEE',
  'GOVERNMENT',
  'COURT',
  'PROCURATORATE',
  'PUBLIC_SECURITY',
  'JUSTICE',
  'COMPANY',
  'UNIVERSITY',
  'SCHOOL',
  'HOSPITAL',
  'MEDIA',
  'COMMITTEE',
  'TEAM',
  'VOLUNTEER_GROUP',
  'OTHER',
] as const;
export const PRACTICE_STATUSES = ['PILOT', 'ROLLED_OUT', 'PLANNED', 'ENDED'] as const;
export const PRACTICE_CATEGORIES = [
  'MEDIATION',
  'LITIGATION_SOURCE_GOVERNANCE',
  'PARTY_BUILDING',
  'GRID_MANAGEMENT',
  'SMART_SECURITY',
  'VILLAGE_COMPACT',
  'LAW_ENFORCEMENT',
  'LEGAL_SERVICE',
  'RISK_PREVENTION',
  'RESETTLEMENT',
  'ETHNIC_AFFAIRS',
  'CONSULTATIVE_GOVERNANCE',
  'SAFETY_CAMPAIGN',
  'OTHER',
] as const;
export const DATE_PRECISIONS = ['YEAR', 'MONTH', 'DAY'] as const;
export const UNIT_KINDS = ['COUNT', 'RATIO', 'CURRENCY', 'DURATION', 'RANK', 'DIFFERENCE'] as const;
export const QUALIFIERS = ['EXACT', 'MORE_THAN', 'AT_LEAST', 'AT_MOST', 'ABOUT'] as const;
/**
 * What a change is measured against; CHANGE_UNSTATED_BASE when the text gives a change without
 * saying against what.
 */
export const COMPARISON_KINDS = [
  'YEAR_ON_YEAR',
  'VS_AVERAGE',
  'RANK_CHANGE',
  'CHANGE_UNSTATED_BASE',
] as const;
export const REGION_LEVELS = ['PROVINCE', 'PREFECTURE', 'COUNTY', 'TOWNSHIP', 'VILLAGE'] as const;
/**
 * When a figure holds: a calendar year, a stated span, a stock on a date, a total up to a date from
 * an unstated start, or no stated time.
 */
export const PERIOD_KINDS = ['YEAR', 'SPAN', 'AS_OF', 'CUMULATIVE', 'UNDATED'] as const;
/**
 * A reviewed claim (an origin, a lineage edge): a quote states it, or it is editorial with its
 * basis.
 */
export const CLAIM_VERDICTS = ['STATED', 'EDITORIAL'] as const;

export type SourceKind = (typeof SOURCE_KINDS)[number];
export type ModelKind = (typeof MODEL_KINDS)[number];
export type LineageRelation = (typeof LINEAGE_RELATIONS)[number];
export type PrincipleKind = (typeof PRINCIPLE_KINDS)[number];
export type PracticeStatus = (typeof PRACTICE_STATUSES)[number];
export type PracticeCategory = (typeof PRACTICE_CATEGORIES)[number];
export type DatePrecision = (typeof DATE_PRECISIONS)[number];
export type UnitKind = (typeof UNIT_KINDS)[number];
export type Qualifier = (typeof QUALIFIERS)[number];
export type ComparisonKind = (typeof COMPARISON_KINDS)[number];
export type RegionLevel = (typeof REGION_LEVELS)[number];
export type PeriodKind = (typeof PERIOD_KINDS)[number];
export type ClaimVerdict = (typeof CLAIM_VERDICTS)[number];

/**
 * A GraphQL enum object ({ A: 'A', … }) from a constant list, so each list of values is written
 * once.
 */
export function enumOf<const T extends string>(values: readonly T[]): { readonly [K in T]: K } {
  return Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };
}
