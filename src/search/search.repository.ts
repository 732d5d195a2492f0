import { z } from 'zod';
import { cypherInt } from '../core/db/convert';
import { num, oneOf, optOneOf, optText, text, texts } from '../core/db/decode';
import type { DecodedQuery } from '../core/db/executor';
import { CODE_LENGTHS } from '../core/region-codes';
import { REGION_LEVELS } from '../core/vocabulary';
import type { QueryKeys } from './query-text';
import { channels } from './search-channels';
import { SEARCHABLE } from './search-indexes';
import { coverageCypher, MATCH_KINDS, matchKindCypher, scoreCypher } from './search-scoring';

/**
 * One statement per search. Candidates come from each index with its own limit (knowledge and
 * places apart), every place whose name without its kind (or its pinyin) starts with the text by
 * a range seek, then each is classified (`matchKind`), scored (`rankScore`, as Cypher) and
 * ordered; only the hits returned are projected with their text and the path of their place.
 */

/**
 * Candidates per full-text index, and per place-name seek. A seek returns namesakes in index order
 * (the gazetteer is loaded a level at a time, so counties before villages); the places that hold
 * a practice or organisation found by name are sought apart (`ph`), so a common name (和平: some
 * 700 places) cannot crowd them out.
 */
export const POOL = 100;
export const KEY_POOL = 200;
/** A page of `searchResults` looks this far (and counts its facets so far). */
export const PAGE_POOL = 1000;

const LEXICAL = ['kz', 'ke', 'pz', 'pe'];

/**
 * The region's own code and its ancestors' (its prefixes of each level's length), as a Cypher list.
 */
const selfAndAncestorCodes = (v: string) =>
  `[n IN [${CODE_LENGTHS.join(', ')}] WHERE n <= size(${v}.code) | substring(${v}.code, 0, n)]`;

/**
 * A practice or organisation whose place (or a place above it) has a name the query starts: 安宁市… in
 * 安宁市 for 安宁.
 */
const PLACE_NAMED = `(label IN ['Practice', 'Organization'] AND EXISTS {
        MATCH (node)-[:IN]->(home:Region)
        MATCH (up:Region) WHERE up.code IN ${selfAndAncestorCodes('home')}
          AND any(k IN coalesce(up.searchNames, []) WHERE k STARTS WITH $key) })`;

/**
 * Every candidate, classified and scored, best first, as rows of `full` (the lists that reached
 * their limit), node, label, kind, lucene, coverage, activity, holdsMatches, score.
 */
export function rankedCypher(chans: readonly string[]): string {
  return `CALL () {
      ${chans.join('\n      UNION ALL\n      ')}
    }
    WITH ch, collect({node: node, score: score}) AS hits, max(score) AS top
    WITH collect({ch: ch, hits: hits, top: top, full: ch <> 'ph' AND size(hits) >= CASE WHEN ch IN ['pk', 'pp'] THEN $keyPool ELSE $pool END}) AS lists
    WITH [l IN lists WHERE l.full | l.ch] AS full, lists
    UNWIND lists AS l
    UNWIND l.hits AS h
    WITH full, h.node AS node, CASE WHEN l.ch IN ${JSON.stringify(LEXICAL).replace(/"/g, "'")} AND l.top > 0 THEN h.score / l.top ELSE 0.0 END AS norm
    WITH full, node, max(norm) AS lucene
    WITH full, node, lucene, [x IN labels(node) WHERE x IN $labels][0] AS label
    WHERE label IS NOT NULL
    WITH full, node, label, lucene, coalesce(node.searchNames, []) AS names
    WITH full, node, label, lucene, ${matchKindCypher({ names: 'names', parts: 'coalesce(node.searchParts, [])', placeNamed: PLACE_NAMED })} AS kind,
      ${coverageCypher('names', '$key')} AS coverage,
      CASE WHEN label = 'Region' THEN COUNT { (node)<-[:IN|FOR|ORIGINATED_IN]-() } ELSE 0 END AS activity
    WITH full, node, label, lucene, kind, coverage, activity,
      CASE WHEN label IN ['Practice', 'Organization'] AND kind <> 'TEXT' THEN [(node)-[:IN]->(r:Region) | elementId(r)] ELSE [] END AS homes
    WITH full, collect({node: node, label: label, lucene: lucene, kind: kind, coverage: coverage, activity: activity}) AS cands, collect(homes) AS homes
    WITH full, cands, reduce(all = [], h IN homes | all + h) AS homes
    UNWIND cands AS c
    WITH full, c.node AS node, c.label AS label, c.lucene AS lucene, c.kind AS kind, c.coverage AS coverage, c.activity AS activity,
      c.label = 'Region' AND elementId(c.node) IN homes AS holdsMatches
    WITH full, node, label, lucene, kind, coverage, activity, holdsMatches,
      ${scoreCypher({ label: 'label', kind: 'kind', lucene: 'lucene', coverage: 'coverage', level: 'node.level', activity: 'activity', holdsMatches: 'holdsMatches' })} AS score
    ORDER BY score DESC, size(node.name), node.name, coalesce(node.slug, node.code, node.id)`;
}

/**
 * The regions from a hit's province down to its place (the region itself, or where a practice or
 * organisation is), as `path`.
 */
const PLACE_PATH = `CALL (node, label) {
      OPTIONAL MATCH (node)-[:IN]->(home:Region)
      WITH CASE WHEN label = 'Region' THEN node ELSE home END AS place LIMIT 1
      RETURN CASE WHEN place IS NULL THEN [] ELSE COLLECT {
        MATCH (a:Region) WHERE a.code IN ${selfAndAncestorCodes('place')}
        RETURN a {.code, .name, .nameEn, .kind} ORDER BY size(a.code) } END AS path
    }`;

/**
 * What the selected fields of a hit need read beyond its ranking: its texts (why it matched) and
 * its place's path.
 */
export interface HitNeeds {
  readonly text: boolean;
  readonly path: boolean;
}
const EVERY_NEED: HitNeeds = { text: true, path: true };

/**
 * Long texts are read only when a hit must say why it matched; the row keeps its shape either way.
 */
const HIT_TEXT = {
  full:
    'node {.name, .nameEn, .officialName, .aliases, .pinyin, .site, .summary, .summaryEn, ' +
    '.description, .descriptionEn, .scale, .scaleEn}',
  lean:
    'node {.name, .nameEn, .officialName, .aliases, .pinyin, .site, summary: null, summaryEn: ' +
    'null, description: null, descriptionEn: null, scale: null, scaleEn: null}',
};

/** A hit: its signals, its text and (when `PLACE_PATH` ran before it) its path. */
const hit = (
  needs: HitNeeds,
) => `{label: label, key: coalesce(node.slug, node.code, node.id), kind: kind, lucene: lucene, coverage: coverage, activity: activity, holdsMatches: holdsMatches, score: score,
      level: CASE WHEN label = 'Region' THEN node.level END,
      text: ${needs.text ? HIT_TEXT.full : HIT_TEXT.lean},
      path: ${needs.path ? 'path' : '[]'}}`;
const placePath = (needs: HitNeeds) => (needs.path ? PLACE_PATH : '');

const hitRow = z.object({
  label: z.enum(SEARCHABLE),
  key: text,
  kind: oneOf(MATCH_KINDS),
  lucene: num,
  coverage: num,
  activity: num,
  holdsMatches: z.boolean(),
  score: num,
  level: optOneOf(REGION_LEVELS),
  text: z.object({
    name: text,
    nameEn: optText,
    officialName: optText,
    aliases: texts,
    pinyin: optText,
    site: optText,
    summary: optText,
    summaryEn: optText,
    description: optText,
    descriptionEn: optText,
    scale: optText,
    scaleEn: optText,
  }),
  path: z.array(z.object({ code: text, name: text, nameEn: optText, kind: optText })),
});
export type SearchRow = z.output<typeof hitRow>;
const listRow = z.object({ hit: hitRow });

const keyParams = (keys: QueryKeys) => ({
  key: keys.key,
  pinyin: keys.pinyin,
  words: keys.words,
  lucene: keys.lucene,
  english: keys.english,
  prefix: keys.prefix,
});

/** The best `limit` hits of the labels. */
export const searchQuery = (
  keys: QueryKeys,
  labels: readonly string[],
  limit: number,
  needs: HitNeeds = EVERY_NEED,
): DecodedQuery<{ hit: SearchRow }> => ({
  cypher: `${rankedCypher(channels(labels, keys))}
    LIMIT $limit
    ${placePath(needs)}
    RETURN ${hit(needs)} AS hit`,
  params: {
    ...keyParams(keys),
    labels,
    limit: cypherInt(limit),
    pool: cypherInt(POOL),
    keyPool: cypherInt(KEY_POOL),
  },
  row: listRow,
});

const pageRow = z.object({
  full: z.array(z.string()),
  facets: z.array(z.object({ label: z.enum(SEARCHABLE), count: num })),
  total: num,
  hits: z.array(hitRow),
});
export type SearchPageRow = z.output<typeof pageRow>;

/**
 * Hits of every label ranked for the facets; the page (`limit` + 1, to tell whether more follow) of
 * the wanted labels.
 */
export const searchPageQuery = (
  keys: QueryKeys,
  wanted: readonly string[],
  skip: number,
  limit: number,
  needs: HitNeeds = EVERY_NEED,
): DecodedQuery<SearchPageRow> => ({
  cypher: `${rankedCypher(channels(SEARCHABLE, keys))}
    WITH full, collect({node: node, label: label, kind: kind, lucene: lucene, coverage: coverage, activity: activity, holdsMatches: holdsMatches, score: score}) AS ranked
    WITH full, ranked, [x IN ranked WHERE x.label IN $wanted] AS chosen
    CALL (chosen) {
      UNWIND chosen[$skip..$end] AS x
      WITH x.node AS node, x.label AS label, x.kind AS kind, x.lucene AS lucene, x.coverage AS coverage, x.activity AS activity, x.holdsMatches AS holdsMatches, x.score AS score
      ${placePath(needs)}
      RETURN collect(${hit(needs)}) AS hits
    }
    RETURN full, [l IN $labels | {label: l, count: size([x IN ranked WHERE x.label = l])}] AS facets, size(chosen) AS total, hits`,
  params: {
    ...keyParams(keys),
    labels: [...SEARCHABLE],
    wanted,
    skip: cypherInt(skip),
    end: cypherInt(skip + limit + 1),
    pool: cypherInt(Math.max(PAGE_POOL, skip + limit + 1)),
    keyPool: cypherInt(Math.max(PAGE_POOL, skip + limit + 1)),
  },
  row: pageRow,
});
