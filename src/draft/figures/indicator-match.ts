import { romanise } from '../../core/romanise';
import { slugOf } from '../../core/slug';
import type { IndicatorProposal } from '../draft-shapes';
import type { VocabularyIndicator } from '../draft-vocabulary';
import { withoutLeadingWords } from './words';

/**
 * The indicator a figure measures: the known indicator of the same unit whose name shares most
 * with the words around the figure, or a new one named after those words when none comes close.
 */

/**
 * How much of a name two texts share before a known indicator is proposed (Dice of character
 * pairs).
 */
const MATCH_AT = 0.3;

const plain = (s: string): string =>
  s.replace(/[((][^))]*[))]/g, '').replace(/[^\u4e00-\u9fff]/g, '');
const pairs = (s: string): string[] =>
  Array.from({ length: Math.max(0, s.length - 1) }, (_, i) => s.slice(i, i + 2));

/** Dice coefficient of character pairs: 1 for the same words, 0 for nothing shared. */
export function similarity(a: string, b: string): number {
  const pa = pairs(plain(a));
  const pb = pairs(plain(b));
  if (pa.length === 0 || pb.length === 0) return 0;
  const pool = [...pb];
  let shared = 0;
  for (const p of pa) {
    const i = pool.indexOf(p);
    if (i >= 0) {
      shared += 1;
      pool.splice(i, 1);
    }
  }
  return (2 * shared) / (pa.length + pb.length);
}

/** Words before a counted noun that are not part of its name: how, where and when it was done. */
const LEADING_WORDS = new Set(
  '共 共有 共计 现有 已有 拥有 新增 累计 全年 全县 全区 全市 已 还 并 其中 同时 此外 目前 现已 先后 分别 实现 完成 组织 开展 建立 成立 设置 建成 打造 新建 有 为 在 将 对 从 向'.split(
    ' ',
  ),
);
/** Stripped word by word (jieba): 共 leaves 共建成调解室, not 共享法庭. */
const withoutLeading = (s: string): string => withoutLeadingWords(s, LEADING_WORDS);

/**
 * The words a new indicator is named by: a rate's name (调解成功率), a change or rank with what changed,
 * or the noun counted (快审团队数).
 */
export function indicatorName(label: string, noun: string, unit: string): string {
  const words = plain(label);
  if (unit === 'percent' || unit === 'percentage-point') {
    const rate = /([\u4e00-\u9fff]{1,8}率)[为达是到了]*$/.exec(words);
    if (rate) return rate[1]!;
    const changed = words.replace(
      /(同比)?(明显)?(下降|上升|减少|增长|提高|增加|降低|高于|低于)了?[\u4e00-\u9fff]{0,6}$/,
      '',
    );
    return `${changed.slice(-8) || '比例'}${words.length > changed.length ? '变化' : '占比'}`;
  }
  if (unit === 'rank' || unit === 'rank-change')
    return `${words.replace(/(位列|排名|排在|位居|保持|较)/g, '').slice(-6)}排名${unit === 'rank-change' ? '变化' : ''}`;
  const core =
    withoutLeading(plain(noun)) ||
    withoutLeading(words.replace(/[达为有共计约近]+$/, '').slice(-8)) ||
    '未命名';
  return core.endsWith('数') ? core : `${core}数`;
}

/** A snake_case ASCII code for a new indicator, unique among `taken`. */
export function indicatorCode(name: string, taken: ReadonlySet<string>): string {
  const words = slugOf(romanise(name), '_').split('_');
  // Whole words where they fit, else the first word cut: up to 32 characters.
  const kept = words.filter((_, i) => words.slice(0, i + 1).join('_').length <= 32);
  const base = `draft_${kept.join('_') || words[0]!.slice(0, 32) || 'figure'}`;
  let code = base;
  for (let i = 2; taken.has(code); i += 1) code = `${base}_${i}`;
  return code;
}

/**
 * Matches a figure's label to the known indicators of its unit, or proposes a new one. `proposed`
 * collects the new ones by name.
 */
export function matchIndicator(
  label: string,
  noun: string,
  unit: string,
  known: readonly VocabularyIndicator[],
  proposed: Map<string, IndicatorProposal>,
): IndicatorProposal {
  const ranked = known
    .filter((i) => i.unit === unit)
    .map((i) => ({ i, s: similarity(label, i.name) }))
    .sort((a, b) => b.s - a.s);
  const best = ranked[0];
  if (best && best.s >= MATCH_AT) {
    return {
      code: best.i.code,
      confidence: Math.min(0.9, Math.round((0.4 + best.s) * 100) / 100),
      reason: `known indicator “${best.i.name}” (${unit}) shares most with “${plain(label)}” (${best.s.toFixed(2)})`,
    };
  }
  const name = indicatorName(label, noun, unit);
  const key = `${unit}:${name}`;
  const had = proposed.get(key);
  if (had) return had;
  const taken = new Set([
    ...known.map((i) => i.code),
    ...[...proposed.values()].map((p) => p.code),
  ]);
  const code = indicatorCode(name, taken);
  const closest = best ? `; closest known: ${best.i.code} (${best.s.toFixed(2)})` : '';
  const made: IndicatorProposal = {
    code,
    confidence: 0.4,
    reason: `no known indicator in ${unit} matches “${plain(label)}”: a new one is proposed${closest}`,
    proposed: { name, nameEn: `${romanise(name)} (draft: translate)`, unit },
  };
  proposed.set(key, made);
  return made;
}
