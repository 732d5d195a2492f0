import { z } from 'zod';
import { cypherInt } from '../core/db/convert';
import { num, optText, text } from '../core/db/decode';
import type { DecodedQuery } from '../core/db/executor';
import { SEARCH_INDEX_EN, SEARCH_INDEX_ZH, SEARCHABLE } from './search.indexes';

const TEXT_FIELDS = ['name', 'nameEn', 'officialName', 'aliasesText', 'summary', 'summaryEn', 'description', 'descriptionEn', 'scale', 'scaleEn'] as const;

const hitRow = z.object({
  label: z.enum(SEARCHABLE),
  rank: num,
  key: text,
  n: z.object({ name: text, nameEn: optText, officialName: optText, aliasesText: optText, summary: optText, summaryEn: optText, description: optText, descriptionEn: optText, scale: optText, scaleEn: optText }),
});
export type SearchRow = z.output<typeof hitRow>;

/**
 * Both indexes, best score per node, then ranking: an exact name match first, then Lucene's
 * score weighted by type (models, then principles and practices, then the many regions).
 */
export const searchQuery = (lucene: string, text: string, labels: readonly string[], limit: number): DecodedQuery<SearchRow> => ({
  cypher: `CALL () {
      CALL db.index.fulltext.queryNodes('${SEARCH_INDEX_ZH}', $q, {limit: $pool}) YIELD node, score RETURN node, score
      UNION ALL
      CALL db.index.fulltext.queryNodes('${SEARCH_INDEX_EN}', $q, {limit: $pool}) YIELD node, score RETURN node, score
    }
    WITH node, max(score) AS score, [l IN labels(node) WHERE l IN $labels][0] AS label
    WHERE label IS NOT NULL
    WITH node, label, score * CASE label WHEN 'GovernanceModel' THEN 1.5 WHEN 'Principle' THEN 1.3 WHEN 'Practice' THEN 1.2 ELSE 1.0 END
      + CASE WHEN node.name = $text OR toLower(node.nameEn) = toLower($text) OR $text IN coalesce(node.aliases, []) THEN 100.0 ELSE 0.0 END AS rank
    ORDER BY rank DESC, node.name
    LIMIT $limit
    RETURN label, rank, coalesce(node.slug, node.code, node.id) AS key, node {${TEXT_FIELDS.map((f) => `.${f}`).join(', ')}} AS n`,
  params: { q: lucene, text: text.trim(), labels, limit: cypherInt(limit), pool: cypherInt(Math.max(limit * 5, 50)) },
  row: hitRow,
});
