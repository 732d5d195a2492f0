import type { Lang } from './lang';

/** Chinese names of the API's enum values; English is the value itself, made readable. */
const ZH: Readonly<Record<string, string>> = {
  // search hits
  MODEL: '模式',
  PRACTICE: '实践',
  PRINCIPLE: '原则',
  REGION: '地区',
  ORGANIZATION: '组织',
  // model kinds
  EXPERIENCE: '经验',
  MECHANISM: '机制',
  PLATFORM: '平台',
  PROGRAMME: '工程',
  // practice status
  PILOT: '试点',
  ROLLED_OUT: '全面推行',
  PLANNED: '计划中',
  ENDED: '已结束',
  // lineage relations
  ADAPTATION: '改编',
  DIGITALISATION: '数字化',
  EXTENSION: '扩展',
  INSPIRATION: '启发',
  LOCALISATION: '本地化',
  PART_OF: '组成部分',
  // principle kinds
  GOVERNANCE_MODE: '治理方式',
  TARGET: '目标',
  DUTY: '职责',
  MEASURE: '措施',
  DIMENSION: '维度',
  STRUCTURE: '结构',
  // practice categories
  CONSULTATIVE_GOVERNANCE: '协商治理',
  ETHNIC_AFFAIRS: '民族事务',
  GRID_MANAGEMENT: '网格化管理',
  LAW_ENFORCEMENT: '执法',
  LEGAL_SERVICE: '法律服务',
  LITIGATION_SOURCE_GOVERNANCE: '诉源治理',
  MEDIATION: '调解',
  OTHER: '其他',
  PARTY_BUILDING: '党建',
  RESETTLEMENT: '安置',
  RISK_PREVENTION: '风险防范',
  SAFETY_CAMPAIGN: '平安创建',
  SMART_SECURITY: '智慧安防',
  VILLAGE_COMPACT: '村规民约',
  // kinds of time
  YEAR: '年度',
  SPAN: '时段',
  AS_OF: '截至',
  CUMULATIVE: '累计',
  UNDATED: '未注明时间',
  // region levels
  PROVINCE: '省级',
  PREFECTURE: '地级',
  COUNTY: '县级',
  TOWNSHIP: '乡级',
  VILLAGE: '村级',
  // review: changes, change sets, kinds of fact, steps
  DRAFT: '草稿',
  IN_REVIEW: '待审',
  PUBLISHED: '已发布',
  RETRACTED: '已撤销',
  WITHDRAWN: '已撤回',
  OPEN: '进行中',
  CLOSED: '已关闭',
  SOURCE: '来源',
  OBSERVATION: '数据',
  INDICATOR: '指标',
  UNIT: '单位',
  ZONE: '功能区',
  LINEAGE_LINK: '渊源关系',
  CREATE: '新建',
  UPDATE: '更新',
  RETRACT: '撤销',
  REVISE: '修改',
  SUBMIT: '提交',
  PUBLISH: '发布',
  RETURN: '退回',
  WITHDRAW: '撤回',
  CLOSE: '关闭',
  EDITOR: '编辑',
  REVIEWER: '审核员',
  ADMIN: '管理员',
};

/** An enum value as a reader of `lang` should see it. */
export function enumLabel(lang: Lang, value: string): string {
  if (lang === 'zh') return ZH[value] ?? value;
  return value.toLowerCase().replace(/_/g, ' ');
}
