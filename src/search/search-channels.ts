import type { QueryKeys } from './query-text';
import { INDEX, KNOWLEDGE_LABELS } from './search-indexes';

/**
 * The candidate lists of a search, as Cypher subqueries each returning `node, score, ch` (`ch`
 * names the list): full-text indexes at `$pool` hits, place-name seeks at `$keyPool`.
 */

const fulltext = (ch: string, index: string, query: string) =>
  `CALL db.index.fulltext.queryNodes('${index}', ${query}, {limit: $pool}) YIELD node, score RETURN node, score, '${ch}' AS ch`;
/**
 * The keys index, asked once: the practices, models … whose names hold the text (`kk`), and the
 * places of those practices and organisations when their own names hold it too (`ph`).
 */
function keysChannel(knowledge: boolean, places: boolean): string {
  const named = knowledge ? "RETURN named AS node, 'kk' AS ch" : null;
  const homes = places
    ? 'MATCH (named)-[:IN]->(node:Region) WHERE any(k IN coalesce(node.searchNames, []) WHERE k ' +
      "CONTAINS $key) RETURN node, 'ph' AS ch"
    : null;
  return `CALL db.index.fulltext.queryNodes('${INDEX.knowledgeKeys}', $prefix, {limit: $pool}) YIELD node AS named
      CALL (named) {
        ${[named, homes].filter(Boolean).join('\n        UNION ALL\n        ')}
      }
      RETURN node, 0.0 AS score, ch`;
}
const seek = (ch: string, where: string) =>
  `MATCH (node:Region) WHERE ${where} WITH node LIMIT $keyPool RETURN node, 0.0 AS score, '${ch}' AS ch`;

/**
 * The candidate lists the labels need; places are sought by pinyin prefix for Latin text, by exact
 * pinyin (homophones) for Chinese.
 */
export function channels(labels: readonly string[], keys: QueryKeys): string[] {
  const knowledge = labels.some((l) => (KNOWLEDGE_LABELS as readonly string[]).includes(l));
  const places = labels.includes('Region');
  const out = [keysChannel(knowledge, places)];
  if (knowledge) out.push(fulltext('kz', INDEX.knowledgeZh, '$lucene'));
  if (knowledge && keys.english) out.push(fulltext('ke', INDEX.knowledgeEn, '$english'));
  if (places)
    out.push(
      fulltext('pz', INDEX.placesZh, '$lucene'),
      seek('pk', 'node.searchKey STARTS WITH $key'),
    );
  if (places && keys.english) out.push(fulltext('pe', INDEX.placesEn, '$english'));
  if (places)
    out.push(
      seek('pp', keys.pinyin ? 'node.pinyinKey = $pinyin' : 'node.pinyinKey STARTS WITH $key'),
    );
  return out;
}
