import type { RegionLevel } from '../core/vocabulary';

/**
 * How an official name says what kind of unit it is. `suffix` is the designation the official
 * name ends with; `generic` is the kind's word as it stays in the short name (镇, 村, 社区 …).
 * A village-level unit is named by its self-governing committee: a place name followed by the
 * committee's name, 村民委员会 (villagers') or 居民委员会 (residents'), each often abbreviated
 * (村委会, 居委会). The committee's 村 or 社区 belongs to the committee, so the place 鱼塘村 with
 * its 村民委员会 is 鱼塘村, never 鱼塘村村.
 */
export interface KindForm {
  readonly suffix: string;
  readonly kind: string;
  readonly en: string;
  readonly generic: string;
}

const form = (suffix: string, kind: string, en: string, generic = suffix): KindForm => ({
  suffix,
  kind,
  en,
  generic,
});

/** Committee forms of one kind of village-level unit, the full name first, then abbreviations. */
const committee = (
  kind: string,
  en: string,
  generic: string,
  suffixes: readonly string[],
): KindForm[] => suffixes.map((suffix) => form(suffix, kind, en, generic));

const VILLAGE_FORMS: readonly KindForm[] = [
  ...committee('社区', 'Community', '社区', [
    '社区居民委员会',
    '社区居民委会',
    '社区居委会',
    '社区居委',
  ]),
  ...committee('嘎查', 'Gacha', '嘎查', ['嘎查村民委员会', '嘎查村委会', '嘎查委员会', '嘎查委会']),
  // A residents' committee not called a community keeps 居委会 in its short name: the official
  // list does not say 社区, and the short name says no more than the official one (seed/FORMAT.md).
  ...committee('居委会', 'Neighbourhood', '居委会', ['居民委员会', '居民委会', '居委会', '居委']),
  ...committee('村', 'Village', '村', ['村民委员会', '村民委会', '村委员会', '村委会', '村委']),
  // Units listed without a committee, by the kind alone.
  form('社区', '社区', 'Community'),
  form('嘎查', '嘎查', 'Gacha'),
  form('村', '村', 'Village'),
];

/** The forms of each level, longest suffix first within a kind; the first that matches wins. */
export const KIND_FORMS: Record<RegionLevel, readonly KindForm[]> = {
  PROVINCE: [
    form('特别行政区', '特别行政区', 'SAR'),
    form('自治区', '自治区', 'Autonomous Region'),
    form('省', '省', 'Province'),
    form('市', '直辖市', 'Municipality'),
  ],
  PREFECTURE: [
    form('自治州', '自治州', 'Autonomous Prefecture'),
    form('地区', '地区', 'Prefecture'),
    form('市辖区', '市辖区', 'Districts'),
    form('盟', '盟', 'League'),
    form('市', '地级市', 'City'),
  ],
  COUNTY: [
    form('自治县', '自治县', 'Autonomous County'),
    form('自治旗', '自治旗', 'Autonomous Banner'),
    form('林区', '林区', 'Forestry District'),
    form('特区', '特区', 'Special District'),
    form('区', '区', 'District'),
    form('县', '县', 'County'),
    form('市', '县级市', 'City'),
    form('旗', '旗', 'Banner'),
  ],
  TOWNSHIP: [
    form('街道办事处', '街道', 'Subdistrict', '街道'),
    form('街道', '街道', 'Subdistrict'),
    form('民族乡', '民族乡', 'Ethnic Township'),
    form('族乡', '民族乡', 'Ethnic Township'),
    form('民族苏木', '民族苏木', 'Ethnic Sumu'),
    form('苏木', '苏木', 'Sumu'),
    form('镇', '镇', 'Town'),
    form('乡', '乡', 'Township'),
    form('风景名胜区', '风景名胜区', 'Scenic Area'),
    form('开发区', '开发区', 'Development Zone'),
    form('园区', '园区', 'Industrial Park'),
  ],
  VILLAGE: VILLAGE_FORMS,
};

/**
 * The form an official name ends with at its level, leaving a place name of at least one character.
 */
export const kindFormOf = (level: RegionLevel, officialName: string): KindForm | undefined =>
  KIND_FORMS[level].find(
    (f) => officialName.endsWith(f.suffix) && officialName.length > f.suffix.length,
  );

/**
 * Whether a stem ends in its kind's generic written a second time: 鱼塘村 before 村民委员会, 大安镇
 * before 镇. A Chinese place name has two syllables at least, so a one-character name takes the
 * generic into itself (乌镇, 肖村, 新村): 乌镇镇 and 新村村民委员会 double nothing.
 */
export function doublesGeneric(stem: string, generic: string): boolean {
  if (!generic || !stem.endsWith(generic)) return false;
  return [...stem.slice(0, stem.length - generic.length)].length >= 2;
}
