import type { RegionLevel } from '../core/vocabulary';
import { SEARCHABLE } from './search-indexes';

/**
 * How a search hit is scored. One formula, written once here: `rankScore` computes it and
 * `scoreCypher` writes the same arithmetic into the statement that ranks the candidates, so the
 * database orders by exactly what the API reports (an integration test holds the two equal).
 *
 * knowledge and organisations: score = tier(group, kind) + type(label) + LUCENE × lucene + COVERAGE
 * × coverage   places:    score = tier(kind) + level(level) + activity(n) + COVERAGE × coverage +
 * [holds matches] HOLDS              + [kind TEXT] LUCENE × lucene
 *
 * - kind: how the text matched the node's names (see `matchKind`): EXACT, PREFIX, PLACE (a
 *   practice or organisation whose name holds the text only as the name of its place:
 *   安宁市“网上枫桥经验”… for 安宁, ranked after the place), CONTAINS, SOUND (the pinyin of a
 *   Chinese query, a homophone), or TEXT (Lucene found it in other text).
 * - tier: models, practices and principles ("knowledge", what the graph is about) sit above
 *   places: an exact or prefix name match of knowledge outscores every place whatever its other
 * signals, and a contained match outscores every town or village that holds nothing. Organisations
 *   named exactly come first too; partly named, they follow the places that hold something.
 * - lucene: the node's best full-text score over the Chinese and English indexes, each divided
 *   by that index's top score for the query (0 … 1): it orders hits within a tier. For a place
 *   it counts only when no name matched (TEXT): namesakes would all score alike, and only some
 *   of hundreds reach the full-text candidate list, so it would order them by chance.
 * - coverage: how much of the name the text is (`枫桥` is half of 枫桥经验, two sevenths of
 *   新时代枫桥经验): the shortest name containing the text is the closest match.
 * - level and activity (regions only): higher administrative levels first, and places that hold
 *   practices, figures, organisations or model origins above empty namesakes.
 * - holds matches (regions only): the place holds a practice or organisation that matched the
 *   text by name (太和街道 holds 太和街道“十必访”…): it is the 太和 the graph knows, whatever its
 *   namesakes hold.
 */

/** The labels the search covers (search-indexes.ts). */
export const HIT_LABELS = SEARCHABLE;
export type HitLabel = (typeof HIT_LABELS)[number];

export const MATCH_KINDS = ['EXACT', 'PREFIX', 'PLACE', 'CONTAINS', 'SOUND', 'TEXT'] as const;
export type MatchKind = (typeof MATCH_KINDS)[number];

export const WEIGHTS = {
  knowledge: { EXACT: 14, PREFIX: 12.5, PLACE: 6.5, CONTAINS: 7.5, SOUND: 6.5, TEXT: 4 },
  /**
   * Teams, groups, offices: first when named exactly, otherwise after the places that hold
   * something (昆明市 before 昆明日报).
   */
  organization: { EXACT: 14, PREFIX: 8.5, PLACE: 6, CONTAINS: 7, SOUND: 6, TEXT: 3.5 },
  /**
   * A place whose name sounds like Chinese text (昆明 for 昆名) comes after the places named by it,
   * before those that merely contain it.
   */
  place: { EXACT: 6, PREFIX: 4.5, PLACE: 4.5, CONTAINS: 3, SOUND: 4, TEXT: 1 },
  type: { GovernanceModel: 0.6, Principle: 0.4, Practice: 0.2, Organization: 0, Region: 0 },
  lucene: 1,
  coverage: 1,
  level: { PROVINCE: 1.2, PREFECTURE: 1, COUNTY: 0.8, TOWNSHIP: 0.4, VILLAGE: 0 },
  /** 0.8 per doubling of what the place holds (1 → 0.8, 3 → 1.6, 6 or more → 2). */
  activity: { perDoubling: 0.8, most: 2 },
  holdsMatches: 2,
} as const satisfies {
  knowledge: Record<MatchKind, number>;
  organization: Record<MatchKind, number>;
  place: Record<MatchKind, number>;
  type: Record<HitLabel, number>;
  lucene: number;
  coverage: number;
  level: Record<RegionLevel, number>;
  activity: { perDoubling: number; most: number };
  holdsMatches: number;
};

/** What the score is computed from, for one candidate. */
export interface Signals {
  readonly label: HitLabel;
  readonly kind: MatchKind;
  /** Best normalised full-text score, 0 … 1. */
  readonly lucene: number;
  /** The query's length over that of the shortest name containing it (0 when none does), 0 … 1. */
  readonly coverage: number;
  /** Regions: their level. */
  readonly level: RegionLevel | null;
  /** Regions: practices, figures, organisations and model origins they hold. */
  readonly activity: number;
  /** Regions: a practice or organisation among the hits matched by name is in it. */
  readonly holdsMatches: boolean;
}

export const activityBoost = (n: number): number =>
  n > 0
    ? Math.min(
        WEIGHTS.activity.most,
        (WEIGHTS.activity.perDoubling * Math.log(1 + n)) / Math.log(2),
      )
    : 0;

export function rankScore(s: Signals): number {
  const lucene = WEIGHTS.lucene * s.lucene;
  const coverage = WEIGHTS.coverage * s.coverage;
  if (s.label === 'Region') {
    return (
      WEIGHTS.place[s.kind] +
      (s.level ? WEIGHTS.level[s.level] : 0) +
      activityBoost(s.activity) +
      coverage +
      (s.holdsMatches ? WEIGHTS.holdsMatches : 0) +
      (s.kind === 'TEXT' ? lucene : 0)
    );
  }
  return (
    (s.label === 'Organization' ? WEIGHTS.organization : WEIGHTS.knowledge)[s.kind] +
    WEIGHTS.type[s.label] +
    lucene +
    coverage
  );
}

/** The query as `matchKind` compares it (see QueryKeys). */
export interface MatchQuery {
  readonly key: string;
  readonly pinyin: string | null;
  /** Its words, normalised, when it has more than one. */
  readonly words: readonly string[];
}

/**
 * A node's stored keys: names, name parts, and (practices, organisations) the names of its place
 * and the places above it.
 */
export interface MatchNames {
  readonly names: readonly string[];
  readonly parts?: readonly string[];
  readonly placeNames?: readonly string[];
}

/**
 * How a normalised query matched a node's stored names (all normalised: see search-keys.ts):
 * EXACT, PREFIX (of a name or a part), PLACE (any of these, or contained, where the text is the
 * start of its place's name), CONTAINS (or every word of the text is in a name), SOUND (the
 * pinyin of Chinese text is in a name), TEXT. `matchKindCypher` is the same test in Cypher.
 */
export function matchKind(q: MatchQuery, n: MatchNames): MatchKind {
  const { key } = q;
  if (n.names.some((k) => k.includes(key)) && (n.placeNames ?? []).some((k) => k.startsWith(key)))
    return 'PLACE';
  if (n.names.includes(key)) return 'EXACT';
  if ([...n.names, ...(n.parts ?? [])].some((k) => k.startsWith(key))) return 'PREFIX';
  if (n.names.some((k) => k.includes(key))) return 'CONTAINS';
  if (q.words.length > 1 && q.words.every((w) => n.names.some((k) => k.includes(w))))
    return 'CONTAINS';
  if (q.pinyin !== null && n.names.some((k) => k.includes(q.pinyin!))) return 'SOUND';
  return 'TEXT';
}

/**
 * `placeNamed` is a Cypher predicate: the query starts a name of the node's place or of a place
 * above it.
 */
export const matchKindCypher = (v: {
  names: string;
  parts: string;
  placeNamed: string;
}): string => `CASE
      WHEN any(k IN ${v.names} WHERE k CONTAINS $key) AND ${v.placeNamed} THEN 'PLACE'
      WHEN $key IN ${v.names} THEN 'EXACT'
      WHEN any(k IN ${v.names} + ${v.parts} WHERE k STARTS WITH $key) THEN 'PREFIX'
      WHEN any(k IN ${v.names} WHERE k CONTAINS $key) THEN 'CONTAINS'
      WHEN size($words) > 1 AND all(w IN $words WHERE any(k IN ${v.names} WHERE k CONTAINS w)) THEN 'CONTAINS'
      WHEN $pinyin IS NOT NULL AND any(k IN ${v.names} WHERE k CONTAINS $pinyin) THEN 'SOUND'
      ELSE 'TEXT' END`;

/**
 * The query's length over the shortest name's that contains it (lengths in UTF-16 units, as
 * Cypher's size()).
 */
export const coverageOf = (query: string, names: readonly string[]): number =>
  names.reduce(
    (best, k) =>
      k.includes(query) && query.length / k.length > best ? query.length / k.length : best,
    0,
  );

export const coverageCypher = (names: string, query: string): string =>
  `reduce(c = 0.0, k IN ${names} | CASE WHEN k CONTAINS ${query} AND toFloat(size(${query})) / size(k) > c THEN toFloat(size(${query})) / size(k) ELSE c END)`;

const cases = (subject: string, table: Readonly<Record<string, number>>): string =>
  `CASE ${subject} ${Object.entries(table)
    .map(([k, v]) => `WHEN '${k}' THEN ${v.toFixed(2)}`)
    .join(' ')} ELSE 0.0 END`;

/**
 * `rankScore` as a Cypher expression over the named variables (weights are constants of this file,
 * not input).
 */
export function scoreCypher(v: {
  label: string;
  kind: string;
  lucene: string;
  coverage: string;
  level: string;
  activity: string;
  holdsMatches: string;
}): string {
  const { perDoubling, most } = WEIGHTS.activity;
  const grow = `${perDoubling.toFixed(2)} * log(1 + ${v.activity}) / log(2)`;
  const activity = `CASE WHEN ${v.activity} > 0 THEN CASE WHEN ${grow} > ${most.toFixed(2)} THEN ${most.toFixed(2)} ELSE ${grow} END ELSE 0.0 END`;
  const lucene = `${WEIGHTS.lucene.toFixed(2)} * ${v.lucene}`;
  const coverage = `${WEIGHTS.coverage.toFixed(2)} * ${v.coverage}`;
  return `CASE WHEN ${v.label} = 'Region'
      THEN ${cases(v.kind, WEIGHTS.place)} + ${cases(v.level, WEIGHTS.level)} + ${activity} + ${coverage}
        + CASE WHEN ${v.holdsMatches} THEN ${WEIGHTS.holdsMatches.toFixed(2)} ELSE 0.0 END + CASE WHEN ${v.kind} = 'TEXT' THEN ${lucene} ELSE 0.0 END
      WHEN ${v.label} = 'Organization' THEN ${cases(v.kind, WEIGHTS.organization)} + ${lucene} + ${coverage}
      ELSE ${cases(v.kind, WEIGHTS.knowledge)} + ${cases(v.label, WEIGHTS.type)} + ${lucene} + ${coverage} END`;
}
