import { cypherInt } from '../db/convert';
import type { CypherQuery } from '../db/executor';

/** Longest chain the API follows; maxDepth is checked against it. */
export const MAX_LINEAGE_DEPTH = 10;

/**
 * Every DERIVED_FROM edge on paths from the root, up and/or down, no longer than $depth.
 * The pattern's bound is a constant; the asked depth is a parameter filtering paths.
 */
export const lineageEdgesQuery = (slug: string, up: boolean, down: boolean, depth: number): CypherQuery => ({
  cypher: `MATCH (root:GovernanceModel {slug: $slug})
    CALL (root) {
      MATCH p = (root)-[:DERIVED_FROM*1..${MAX_LINEAGE_DEPTH}]->(:GovernanceModel) WHERE $up AND length(p) <= $depth RETURN p
      UNION
      MATCH p = (root)<-[:DERIVED_FROM*1..${MAX_LINEAGE_DEPTH}]-(:GovernanceModel) WHERE $down AND length(p) <= $depth RETURN p
    }
    UNWIND relationships(p) AS d
    WITH DISTINCT d
    RETURN startNode(d).slug AS from, endNode(d).slug AS to, d.relation AS relation, d.since AS since,
      d.citationIds AS citationIds, d.editorial AS editorial, d.editorialBasis AS editorialBasis, d.editorialNote AS editorialNote
    ORDER BY to, from`,
  params: { slug, up, down, depth: cypherInt(depth) },
});
