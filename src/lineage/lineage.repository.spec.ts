import { statementOf } from '../../test/support/statement';
import { lineageQuery } from './lineage.repository';

describe('lineage Cypher', () => {
  it('follows derivations up and down to a depth given as a parameter', () => {
    expect(statementOf(lineageQuery('online-fengqiao-experience', true, false, 5)))
      .toMatchInlineSnapshot(`
{
  "cypher": "MATCH (root:GovernanceModel {slug: $slug})
    CALL (root) {
      CALL (root) {
        MATCH p = (root)-[:DERIVED_FROM*1..10]->(:GovernanceModel) WHERE $up AND length(p) <= $depth RETURN p
        UNION
        MATCH p = (root)<-[:DERIVED_FROM*1..10]-(:GovernanceModel) WHERE $down AND length(p) <= $depth RETURN p
      }
      UNWIND relationships(p) AS d
      WITH DISTINCT d ORDER BY endNode(d).slug, startNode(d).slug
      RETURN collect({from: startNode(d).slug, to: endNode(d).slug, relation: d.relation, since: d.since, provenance: {citationIds: d.citationIds, editorial: d.editorial, editorialBasis: d.editorialBasis, editorialNote: d.editorialNote}}) AS edges,
        collect(startNode(d)) + collect(endNode(d)) AS touched
    }
    RETURN root {.slug, .name, .nameEn, .pinyin, .aliases, .kind, .summary, .summaryEn, .principlesComplete, .editorial, .editorialBasis, citationIds: [(root)-[:CITED_BY]->(x_cit:Citation) | x_cit.id]} AS root, edges, COLLECT { UNWIND touched AS m WITH DISTINCT m RETURN m {.slug, .name, .nameEn, .pinyin, .aliases, .kind, .summary, .summaryEn, .principlesComplete, .editorial, .editorialBasis, citationIds: [(m)-[:CITED_BY]->(x_cit:Citation) | x_cit.id]} } AS models",
  "params": {
    "depth": "int(5)",
    "down": false,
    "slug": "online-fengqiao-experience",
    "up": true,
  },
}
`);
  });
});
