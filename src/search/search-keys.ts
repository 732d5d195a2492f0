import { pinyin } from 'pinyin-pro';

/**
 * Search keys: names reduced to a form in which `fengqiao`, `Fēngqiáo`, `Feng Qiao` and the
 * pinyin of 枫桥 are the same string. They are stored on each node when it is written (the seed,
 * the national gazetteer load and facts published through the API all build their rows with the
 * functions below) and the query is reduced the same way, so comparing them is plain string work.
 */

const HAN = /\p{Script=Han}/u;

/** Tone marks and other diacritics stripped, case folded, spaces and punctuation removed. */
export function normalizeKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

const hasHan = (text: string): boolean => HAN.test(text);

/** Toneless pinyin syllables of the Han characters; other letters and digits stay as runs. */
function syllablesOf(text: string): string[] {
  return pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive' })
    .map(normalizeKey)
    .filter(Boolean);
}

/**
 * The pinyin key of a Chinese text (`枫桥经验` → `fengqiaojingyan`), or null when it has no Han
 * characters.
 */
export const pinyinKeyOf = (text: string): string | null =>
  hasHan(text) ? syllablesOf(text).join('') : null;

const uniq = (xs: ReadonlyArray<string | null | undefined>): string[] => [
  ...new Set(xs.filter((x): x is string => Boolean(x))),
];

/**
 * Every tail of a sequence of parts, joined: the keys a prefix query finds "anywhere at a boundary"
 * by.
 */
const tails = (parts: readonly string[]): string[] => parts.map((_, i) => parts.slice(i).join(''));

/**
 * Tails at each boundary a reader would start a word at: each Han character, each pinyin
 * syllable, each English word. `网上枫桥经验` gives `枫桥经验`, `fengqiaojingyan`; `Online
 * Fengqiao Experience` gives `fengqiaoexperience`.
 */
export function boundaryTails(text: string): string[] {
  const han = hasHan(text) ? tails([...normalizeKey(text)]) : [];
  const syllables = hasHan(text) ? tails(syllablesOf(text)) : [];
  const words = tails(
    text
      .split(/[^\p{L}\p{N}]+/u)
      .map(normalizeKey)
      .filter(Boolean),
  );
  return uniq([...han, ...syllables, ...words]);
}

/**
 * The parts of a name between punctuation (spaces and hyphens do not part it), as keys, with their
 * pinyin; one-character parts left out.
 */
export function partsOf(text: string): string[] {
  const parts = text
    .split(/[^\p{L}\p{N}\s-]+/u)
    .map((p) => p.trim())
    .filter((p) => [...normalizeKey(p)].length >= 2);
  return parts.length < 2 ? [] : uniq([...parts.map(normalizeKey), ...parts.map(pinyinKeyOf)]);
}

/**
 * What a model, practice, principle or organisation is called, in every form it may be searched by.
 */
export interface KnowledgeNames {
  readonly name: string;
  readonly aliases?: readonly string[];
  readonly nameEn?: string | null;
  /** Curated pinyin (seed files), with tones; generated from the name when absent. */
  readonly pinyin?: string | null;
  /** Where a practice takes place, searched as another name of it. */
  readonly site?: string | null;
}

/** Stored properties the search reads on models, practices, principles and organisations. */
export interface KnowledgeSearchProps {
  /** Aliases (or a practice's site) as one text, for the Chinese full-text index. */
  readonly aliasesText: string;
  /** Every name as a key: Chinese, pinyin and English, whole. */
  readonly searchNames: string[];
  /**
   * The parts of names set off by punctuation (太和街道 of 五治融合(太和街道:…), 枫桥经验 of 新时代“枫桥经验”), as keys: a
   * name starting with the text.
   */
  readonly searchParts: string[];
  /**
   * Every boundary tail of every name, space-separated (with a leading space), for the keys index.
   */
  readonly searchKeys: string;
}

export function knowledgeSearchProps(n: KnowledgeNames): KnowledgeSearchProps {
  const chinese = uniq([n.name, ...(n.aliases ?? []), n.site]);
  const searchNames = uniq([
    ...chinese.map(normalizeKey),
    ...chinese.map(pinyinKeyOf),
    n.pinyin ? normalizeKey(n.pinyin) : null,
    n.nameEn ? normalizeKey(n.nameEn) : null,
  ]);
  const keys = uniq([...chinese, n.nameEn].flatMap((x) => (x ? boundaryTails(x) : [])));
  const parts = uniq([...chinese, n.nameEn].flatMap((x) => (x ? partsOf(x) : []))).filter(
    (p) => !searchNames.includes(p),
  );
  return {
    aliasesText: [...(n.aliases ?? []), ...(n.site ? [n.site] : [])].join(' ; '),
    searchNames,
    searchParts: parts,
    searchKeys: ` ${keys.join(' ')} `,
  };
}

/**
 * What a region is called: its common and official names, the name without its kind (太和 of 太和街道),
 * aliases, English.
 */
export interface RegionNames {
  readonly name: string;
  readonly officialName: string;
  readonly base: string;
  readonly aliases: readonly string[];
  readonly nameEn: string;
  /** Curated pinyin, which may include the kind (`Pánlóng Qū`). */
  readonly pinyin?: string | null;
}

/**
 * Stored properties the search reads on regions; `searchKey` and `pinyinKey` are range-indexed for
 * exact and prefix seeks.
 */
export interface RegionSearchProps {
  readonly aliasesText: string;
  readonly searchNames: string[];
  /** The name without its kind, as a key: every 太和 (区, 县, 街道, 村 …) shares `太和`. */
  readonly searchKey: string;
  /** Its pinyin: `taihe`. */
  readonly pinyinKey: string;
}

export function regionSearchProps(r: RegionNames): RegionSearchProps {
  const chinese = uniq([r.name, r.officialName, r.base, ...r.aliases]);
  const searchNames = uniq([
    ...chinese.map(normalizeKey),
    ...chinese.map(pinyinKeyOf),
    r.pinyin ? normalizeKey(r.pinyin) : null,
    normalizeKey(r.nameEn),
  ]);
  return {
    aliasesText: uniq([...r.aliases, r.officialName]).join(' ; '),
    searchNames,
    searchKey: normalizeKey(r.base),
    pinyinKey: pinyinKeyOf(r.base) ?? normalizeKey(r.base),
  };
}
