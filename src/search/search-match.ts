import { tonedPinyin } from '../core/romanise';
import type { QueryKeys } from './query-text';
import { normalizeKey, pinyinKeyOf } from './search-keys';
import type { MatchKind } from './search-scoring';

/** Why a hit matched: which field, the text around the match, and where in it the match is. */

export const MATCH_FIELDS = [
  'NAME',
  'ALIAS',
  'OFFICIAL_NAME',
  'SITE',
  'NAME_EN',
  'PINYIN',
  'SUMMARY',
  'SUMMARY_EN',
  'DESCRIPTION',
  'DESCRIPTION_EN',
  'SCALE',
  'SCALE_EN',
] as const;
export type MatchField = (typeof MATCH_FIELDS)[number];

/** A hit's searchable text, as stored. */
export interface HitText {
  readonly name: string;
  readonly aliases: readonly string[];
  readonly officialName: string | null;
  readonly site: string | null;
  readonly nameEn: string | null;
  /** Curated pinyin; generated from the name when null. */
  readonly pinyin: string | null;
  readonly summary: string | null;
  readonly summaryEn: string | null;
  readonly description: string | null;
  readonly descriptionEn: string | null;
  readonly scale: string | null;
  readonly scaleEn: string | null;
}

/** A stretch of the snippet, in code points. */
export interface TextRange {
  readonly start: number;
  readonly length: number;
}

export interface Explanation {
  readonly field: MatchField;
  readonly snippet: string;
  readonly highlights: readonly TextRange[];
}

const SNIPPET_RADIUS = 36;

/**
 * A text's normalised code points, each with the index of the code point of the original it came
 * from.
 */
function normalised(text: string): { chars: string[]; at: number[] } {
  const chars: string[] = [];
  const at: number[] = [];
  [...text].forEach((c, i) => {
    for (const n of normalizeKey(c)) {
      chars.push(n);
      at.push(i);
    }
  });
  return { chars, at };
}

/**
 * Where `needles` (normalised) occur in `text`, as ranges of its code points, overlapping ones
 * merged.
 */
export function occurrences(text: string, needles: readonly string[]): TextRange[] {
  const { chars, at } = normalised(text);
  const found: Array<[number, number]> = [];
  for (const needle of new Set(needles)) {
    const n = [...needle];
    if (!n.length) continue;
    for (let i = 0; i + n.length <= chars.length; i += 1)
      if (n.every((c, j) => chars[i + j] === c)) found.push([at[i]!, at[i + n.length - 1]! + 1]);
  }
  const merged: Array<[number, number]> = [];
  for (const [start, end] of found.sort((a, b) => a[0] - b[0])) {
    const last = merged.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged.map(([start, end]) => ({ start, length: end - start }));
}

/**
 * The field cut around its first highlight (about 80 code points), with the ranges moved to match.
 */
function cut(
  text: string,
  ranges: readonly TextRange[],
): { snippet: string; highlights: TextRange[] } {
  const cps = [...text];
  if (cps.length <= 2 * SNIPPET_RADIUS + 8) return { snippet: text, highlights: [...ranges] };
  const first = ranges[0] ?? { start: 0, length: 0 };
  const start = Math.max(0, first.start - SNIPPET_RADIUS);
  const end = Math.min(
    cps.length,
    Math.max(first.start + first.length + SNIPPET_RADIUS, start + 2 * SNIPPET_RADIUS),
  );
  const lead = start > 0 ? 1 : 0;
  const highlights = ranges
    .filter((r) => r.start >= start && r.start + r.length <= end)
    .map((r) => ({ start: r.start - start + lead, length: r.length }));
  return {
    snippet: `${lead ? '…' : ''}${cps.slice(start, end).join('')}${end < cps.length ? '…' : ''}`,
    highlights,
  };
}

type Relation = (field: string, needle: string) => boolean;
const RELATIONS: Array<[MatchKind, Relation]> = [
  ['EXACT', (f, n) => f === n],
  ['PREFIX', (f, n) => f.startsWith(n)],
  ['CONTAINS', (f, n) => f.includes(n)],
];

/** The names in the order a reader would want them named as the reason. */
function nameFields(t: HitText): Array<[MatchField, string]> {
  const fields: Array<[MatchField, string | null]> = [
    ['NAME', t.name],
    ...t.aliases.map((a): [MatchField, string] => ['ALIAS', a]),
    ['OFFICIAL_NAME', t.officialName],
    ['SITE', t.site],
    ['NAME_EN', t.nameEn],
    ['PINYIN', t.pinyin ?? tonedPinyin(t.name)],
  ];
  return fields.filter((f): f is [MatchField, string] => Boolean(f[1]));
}

function textFields(t: HitText): Array<[MatchField, string]> {
  const fields: Array<[MatchField, string | null]> = [
    ...nameFields(t),
    ['SUMMARY', t.summary],
    ['SUMMARY_EN', t.summaryEn],
    ['DESCRIPTION', t.description],
    ['DESCRIPTION_EN', t.descriptionEn],
    ['SCALE', t.scale],
    ['SCALE_EN', t.scaleEn],
  ];
  return fields.filter((f): f is [MatchField, string] => Boolean(f[1]));
}

/**
 * A name that matches as the kind says, or as the next weaker kind (太和街道 for 太和: its name without
 * the kind is exact).
 */
function byName(q: QueryKeys, kind: MatchKind, t: HitText): Explanation | null {
  const fields = nameFields(t);
  for (const [, relation] of RELATIONS.slice(
    Math.max(
      0,
      RELATIONS.findIndex(([k]) => k === kind),
    ),
  )) {
    for (const [field, value] of fields) {
      if (!relation(normalizeKey(value), q.key)) continue;
      return { field, ...cut(value, occurrences(value, [q.key])) };
    }
  }
  if (!q.pinyin) return null;
  const sound = fields.find(
    ([, value]) =>
      (pinyinKeyOf(value) ?? normalizeKey(value)).includes(q.pinyin!) &&
      /\p{Script=Latin}/u.test(value),
  );
  return sound ? { field: sound[0], ...cut(sound[1], occurrences(sound[1], [q.pinyin])) } : null;
}

/** The query, its words and its Chinese bigrams, normalised: what Lucene may have matched on. */
function needlesOf(text: string): string[] {
  const words = text.split(/\s+/).map(normalizeKey);
  const bigrams = [...text.matchAll(/(?=(\p{Script=Han}{2}))/gu)].map((m) => m[1]!);
  return [normalizeKey(text), ...words, ...bigrams].filter(Boolean);
}

/** Which field explains the match, and the snippet with the match marked. */
export function explainMatch(q: QueryKeys, kind: MatchKind, t: HitText): Explanation {
  if (kind !== 'TEXT') {
    const named = byName(q, kind, t);
    if (named) return named;
  }
  const needles = needlesOf(q.text);
  for (const [field, value] of textFields(t)) {
    const ranges = occurrences(value, needles);
    if (ranges.length) return { field, ...cut(value, ranges) };
  }
  return { field: 'NAME', ...cut(t.name, []) };
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The snippet as HTML, each highlight in `<em>`. */
export function highlightHtml(snippet: string, highlights: readonly TextRange[]): string {
  const cps = [...snippet];
  let out = '';
  let at = 0;
  for (const h of highlights) {
    out += `${escapeHtml(cps.slice(at, h.start).join(''))}<em>${escapeHtml(cps.slice(h.start, h.start + h.length).join(''))}</em>`;
    at = h.start + h.length;
  }
  return out + escapeHtml(cps.slice(at).join(''));
}
