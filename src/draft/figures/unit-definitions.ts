import type { UnitDefinition } from '../draft-shapes';

/**
 * Units a draft may need that the seed's vocabulary may lack, with what the draft's units file says
 * of them.
 */
export const DEFINITIONS: readonly UnitDefinition[] = [
  { code: 'percent', name: '百分比', nameEn: 'percent', kind: 'RATIO' },
  { code: 'percentage-point', name: '百分点', nameEn: 'percentage points', kind: 'DIFFERENCE' },
  { code: 'rank', name: '名次', nameEn: 'rank (1 = first)', kind: 'RANK' },
  {
    code: 'rank-change',
    name: '名次变化(上升位数)',
    nameEn: 'places gained in a ranking',
    kind: 'DIFFERENCE',
  },
  { code: 'CNY', name: '元', nameEn: 'yuan (CNY)', kind: 'CURRENCY' },
  { code: 'hour', name: '小时', nameEn: 'hours', kind: 'DURATION' },
  { code: 'week', name: '周', nameEn: 'weeks', kind: 'DURATION' },
  { code: 'kilometre', name: '公里', nameEn: 'kilometres', kind: 'COUNT' },
  { code: 'square-metre', name: '平方米', nameEn: 'square metres', kind: 'COUNT' },
  { code: 'mu', name: '亩', nameEn: 'mu (1/15 hectare)', kind: 'COUNT' },
  { code: 'vehicle', name: '辆', nameEn: 'vehicles', kind: 'COUNT' },
  { code: 'multiple', name: '倍', nameEn: 'times as many', kind: 'RATIO' },
  { code: 'times-per-month', name: '次/月', nameEn: 'times per month', kind: 'COUNT' },
  { code: 'times-per-quarter', name: '次/季度', nameEn: 'times per quarter', kind: 'COUNT' },
  { code: 'times-per-year', name: '次/年', nameEn: 'times per year', kind: 'COUNT' },
  { code: 'times-per-week', name: '次/周', nameEn: 'times per week', kind: 'COUNT' },
  { code: 'times', name: '次(重复发生)', nameEn: 'times (repeated occurrences)', kind: 'COUNT' },
  {
    code: 'unit',
    name: '个(单位、团队、站点等)',
    nameEn: 'units (teams, sites, bodies …)',
    kind: 'COUNT',
  },
  { code: 'person', name: '人/名', nameEn: 'people', kind: 'COUNT' },
  { code: 'person-time', name: '人次', nameEn: 'person-times', kind: 'COUNT' },
  { code: 'household', name: '户', nameEn: 'households', kind: 'COUNT' },
  { code: 'case', name: '件/起(案件、纠纷)', nameEn: 'cases or disputes', kind: 'COUNT' },
  {
    code: 'item',
    name: '条/项/类/份',
    nameEn: 'items (rules, standards, leads, categories …)',
    kind: 'COUNT',
  },
  { code: 'event', name: '场/次(活动)', nameEn: 'events or rounds', kind: 'COUNT' },
  { code: 'organisation', name: '个/家(组织、机构)', nameEn: 'organisations', kind: 'COUNT' },
  { code: 'compound', name: '个(小区)', nameEn: 'residential compounds', kind: 'COUNT' },
  { code: 'township', name: '个(乡镇、街道)', nameEn: 'townships or subdistricts', kind: 'COUNT' },
  {
    code: 'village',
    name: '个(村、社区、自然村)',
    nameEn: 'villages or communities',
    kind: 'COUNT',
  },
  { code: 'school', name: '所(学校)', nameEn: 'schools', kind: 'COUNT' },
  {
    code: 'camera',
    name: '路/个(摄像头、监控探头)',
    nameEn: 'cameras or video channels',
    kind: 'COUNT',
  },
  { code: 'set', name: '套', nameEn: 'sets (installed systems)', kind: 'COUNT' },
  { code: 'room', name: '间', nameEn: 'rooms', kind: 'COUNT' },
  { code: 'metre', name: '米', nameEn: 'metres', kind: 'COUNT' },
  { code: 'day', name: '天', nameEn: 'days', kind: 'DURATION' },
  { code: 'month', name: '月', nameEn: 'months', kind: 'DURATION' },
  { code: 'year', name: '年', nameEn: 'years', kind: 'DURATION' },
];
