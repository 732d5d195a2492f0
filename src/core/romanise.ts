import { pinyin } from 'pinyin-pro';

/**
 * Chinese names in Latin letters, one form each, for every caller: region names, search keys and
 * a draft's placeholder English all romanise the same way.
 */

/**
 * Toneless syllables joined and capitalised (双桥 → Shuangqiao, 绿 → Lv), as official romanised place
 * names are written.
 */
export const romanise = (han: string): string => {
  const joined = pinyin(han, { toneType: 'none', type: 'array', v: true }).join('');
  return joined.charAt(0).toUpperCase() + joined.slice(1);
};

/**
 * Tones in their marks, a space between syllables (枫桥经验 → fēng qiáo jīng yàn). Other
 * characters stand one by one (黄寺大街24号 → … jiē 2 4 hào), as the stored pinyin of regions
 * has them; runs of spaces become one.
 */
export const tonedPinyin = (text: string): string =>
  pinyin(text, { type: 'array' }).join(' ').replace(/\s+/g, ' ').trim();
