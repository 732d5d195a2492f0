import { levelOf } from '../core/region-codes';
import { romanise, tonedPinyin } from '../core/romanise';
import type { RegionLevel } from '../core/vocabulary';
import { doublesGeneric, type KindForm, kindFormOf } from './region-kinds';

/** The 55 recognised minority nationalities, without 族, with their usual English names. */
const ETHNIC_EN: Record<string, string> = {
  蒙古: 'Mongol',
  回: 'Hui',
  藏: 'Tibetan',
  维吾尔: 'Uygur',
  苗: 'Miao',
  彝: 'Yi',
  壮: 'Zhuang',
  布依: 'Bouyei',
  朝鲜: 'Korean',
  满: 'Manchu',
  侗: 'Dong',
  瑶: 'Yao',
  白: 'Bai',
  土家: 'Tujia',
  哈尼: 'Hani',
  哈萨克: 'Kazakh',
  傣: 'Dai',
  黎: 'Li',
  傈僳: 'Lisu',
  佤: 'Va',
  畲: 'She',
  高山: 'Gaoshan',
  拉祜: 'Lahu',
  水: 'Sui',
  东乡: 'Dongxiang',
  纳西: 'Naxi',
  景颇: 'Jingpo',
  柯尔克孜: 'Kirgiz',
  土: 'Tu',
  达斡尔: 'Daur',
  仫佬: 'Mulao',
  羌: 'Qiang',
  布朗: 'Blang',
  撒拉: 'Salar',
  毛南: 'Maonan',
  仡佬: 'Gelao',
  锡伯: 'Xibe',
  阿昌: 'Achang',
  普米: 'Pumi',
  塔吉克: 'Tajik',
  怒: 'Nu',
  乌孜别克: 'Uzbek',
  俄罗斯: 'Russian',
  鄂温克: 'Ewenki',
  德昂: "De'ang",
  保安: 'Bonan',
  裕固: 'Yugur',
  京: 'Gin',
  塔塔尔: 'Tatar',
  独龙: 'Derung',
  鄂伦春: 'Oroqen',
  赫哲: 'Hezhen',
  门巴: 'Monba',
  珞巴: 'Lhoba',
  基诺: 'Jino',
  各: 'Multi-Ethnic',
};
const ETHNIC_NAMES = Object.keys(ETHNIC_EN).sort((a, b) => b.length - a.length);

export interface RegionNaming {
  readonly level: RegionLevel;
  /** The kind in Chinese (区, 县, 县级市, 自治县, 街道, 镇, 乡, 民族乡, 社区, 村 …), or 其他. */
  readonly kind: string;
  /** Short name as people say it: 大营社区 for 大营社区居委会, 哈前村 for 哈前村委会. */
  readonly name: string;
  readonly nameEn: string;
  readonly pinyin: string;
  /**
   * The name without its kind and nationalities (太和 of 太和街道, 禄劝 of 禄劝彝族苗族自治县); `pinyin` is its
   * pinyin.
   */
  readonly base: string;
  /** Minority nationalities named in an autonomous unit's name (自治县, 民族乡 …). */
  readonly ethnicGroups: readonly string[];
  readonly autonomous: boolean;
}

/**
 * Classifies an official region and derives short name, English name and pinyin from its name:
 * the name's designation (its kind's suffix, or a village's committee) is read off once, and the
 * kind's generic is never written twice (鱼塘村村民委员会 is 鱼塘村, Yutang Village, yú táng).
 */
export function nameRegion(code: string, officialName: string): RegionNaming {
  const level = levelOf(code);
  const form = kindFormOf(level, officialName);
  const kind = form?.kind ?? '其他';
  const stem = officialName.slice(0, officialName.length - (form?.suffix.length ?? 0));
  let place = stem;
  // Written twice, or (in a few official names) three times: 孟村村村村民委员会 is 孟村.
  while (form && doublesGeneric(place, form.generic))
    place = place.slice(0, place.length - form.generic.length);
  let base = place;
  const ethnicGroups: string[] = [];
  const autonomous = kind.includes('自治') || kind.startsWith('民族');
  if (autonomous) {
    base = base.replace(/自治$/, '').replace(/民$/, '');
    // Peel nationalities off the end: 禄劝彝族苗族 → 禄劝 + [苗族, 彝族] → reversed.
    for (let found = true; found;) {
      found = false;
      for (const group of ETHNIC_NAMES) {
        if (base.endsWith(`${group}族`) && base.length > group.length + 1) {
          ethnicGroups.unshift(`${group}族`);
          base = base.slice(0, -(group.length + 1));
          found = true;
          break;
        }
      }
    }
    if (
      kind === '民族乡' &&
      officialName.endsWith('族乡') &&
      !officialName.endsWith('民族乡') &&
      ethnicGroups.length === 0
    ) {
      // e.g. 双河彝族乡: the nationality stands right before 族乡.
      const group = ETHNIC_NAMES.find((g) => base.endsWith(g));
      if (group) {
        ethnicGroups.push(`${group}族`);
        base = base.slice(0, -group.length);
      }
    }
  }
  const ethnicEn = ethnicGroups.map((g) => ETHNIC_EN[g.slice(0, -1)] ?? romanise(g.slice(0, -1)));
  const nameEn = form
    ? [romanise(base), ethnicEn.length ? ethnicEn.join(' and ') : '', form.en]
        .filter(Boolean)
        .join(' ')
    : romanise(officialName);
  return {
    level,
    kind,
    name: shortName(level, officialName, form, place),
    nameEn,
    pinyin: tonedPinyin(base),
    base,
    ethnicGroups,
    autonomous,
  };
}

/**
 * A village-level unit is called by its place and kind (大营社区, 哈前村, 学苑居委会), without its
 * committee; above villages the official name stands, less a generic written twice (大安镇镇) and
 * a subdistrict's office (保康街道 of 保康街道办事处).
 * `place` is the name before the suffix, with any doubled generic taken off.
 */
function shortName(
  level: RegionLevel,
  officialName: string,
  form: KindForm | undefined,
  place: string,
): string {
  if (!form) return officialName;
  if (level !== 'VILLAGE') return `${place}${form.generic}`;
  return place.endsWith(form.generic) ? place : `${place}${form.generic}`;
}
