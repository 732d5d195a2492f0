import { pinyin } from 'pinyin-pro';

/** Properties the full-text indexes read that the seed does not write directly. */
export function searchText(name: string, aliases: readonly string[] = []): { aliasesText: string; pinyinPlain: string } {
  const syllables = pinyin(name, { toneType: 'none', type: 'array', nonZh: 'removed', v: true }).filter(Boolean);
  // "fengqiao jingyan" style: whole-name run and syllables, so both "fengqiao" and "feng qiao" match.
  return { aliasesText: aliases.join(' ; '), pinyinPlain: `${syllables.join('')} ${syllables.join(' ')}`.trim() };
}
