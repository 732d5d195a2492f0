import { statementOf } from '../../test/support/statement';
import { lineageEdgesQuery } from './lineage.repository';

describe('lineage Cypher', () => {
  it('follows derivations up and down to a depth given as a parameter', () => {
    expect(statementOf(lineageEdgesQuery('online-fengqiao-experience', true, false, 5))).toMatchInlineSnapshot(`
{
  "cypher": "MATCH (root:GovernanceModel {slug: $slug})
    CALL (root) {
      MATCH p = (root)-[:DERIVED_FROM*1..10]->(:GovernanceModel) WHERE $up AND length(p) <= $depth RETURN p
      UNION
      MATCH p = (root)<-[:DERIVED_FROM*1..10]-(:GovernanceModel) WHERE $down AND length(p) <= $depth RETURN p
    }
    UNWIND relationships(p) AS d
    WITH DISTINCT d
    RETURN startNode(d).slug AS from, endNode(d).slug AS to, d.relation AS relation, d.since AS since, {citationIds: d.citationIds, editorial: d.editorial, editorialBasis: d.editorialBasis, editorialNote: d.editorialNote} AS provenance
    ORDER BY to, from",
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
