import { statementOf } from '../../test/support/statement';
import { searchQuery } from './search.repository';
import { toLuceneQuery } from './search.query';

describe('search Cypher', () => {
  it('queries both full-text indexes with the escaped text as a parameter', () => {
    expect(statementOf(searchQuery(toLuceneQuery('枫桥 (x)'), '枫桥 (x)', ['GovernanceModel'], 5))).toMatchInlineSnapshot(`
{
  "cypher": "CALL () {
      CALL db.index.fulltext.queryNodes('search_zh_2', $q, {limit: $pool}) YIELD node, score RETURN node, score
      UNION ALL
      CALL db.index.fulltext.queryNodes('search_en_2', $q, {limit: $pool}) YIELD node, score RETURN node, score
    }
    WITH node, max(score) AS score, [l IN labels(node) WHERE l IN $labels][0] AS label
    WHERE label IS NOT NULL
    WITH node, label, score * CASE label WHEN 'GovernanceModel' THEN 1.5 WHEN 'Principle' THEN 1.3 WHEN 'Practice' THEN 1.2 ELSE 1.0 END
      + CASE WHEN node.name = $text OR toLower(node.nameEn) = toLower($text) OR $text IN coalesce(node.aliases, []) THEN 100.0 ELSE 0.0 END AS rank
    ORDER BY rank DESC, node.name
    LIMIT $limit
    RETURN label, rank, coalesce(node.slug, node.code, node.id) AS key, node {.name, .nameEn, .officialName, .aliasesText, .summary, .summaryEn, .description, .descriptionEn, .scale, .scaleEn} AS n",
  "params": {
    "labels": [
      "GovernanceModel",
    ],
    "limit": "int(5)",
    "pool": "int(50)",
    "q": "枫桥 \\(x\\)",
    "text": "枫桥 (x)",
  },
}
`);
  });
});
