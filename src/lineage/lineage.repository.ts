import { z } from 'zod';
import { edgeProvenance, provenance } from '../citation/citation.repository';
import { cypherInt } from '../core/db/convert';
import { oneOf, optNum, text } from '../core/db/decode';
import type { DecodedQuery } from '../core/db/executor';
import { LINEAGE_RELATIONS } from '../core/vocabulary';

/** Longest chain the API follows; maxDepth is checked against it. */
export const MAX_LINEAGE_DEPTH = 10;

const edgeRow = z.object({ from: text, to: text, relation: oneOf(LINEAGE_RELATIONS), since: optNum, provenance });
export type LineageEdgeRow = z.output<typeof edgeRow>;

/**
 * Every DERIVED_FROM edge on paths from the root, up and/or down, no longer than $depth.
 * The pattern's bound is a constant; the asked depth is a parameter filtering paths.
 */
export const lineageEdgesQuery = (slug: string, up: boolean, down: boolean, depth: number): DecodedQuery<LineageEdgeRow> => ({
  cypher: `MATCH (root:GovernanceModel {slug: $slug})
    CALL (root) {
      MATCH p = (root)-[:DERIVED_FROM*1..${MAX_LINEAGE_DEPTH}]->(:GovernanceModel) WHERE $up AND length(p) <= $depth RETURN p
      UNION
      MATCH p = (root)<-[:DERIVED_FROM*1..${MAX_LINEAGE_DEPTH}]-(:GovernanceModel) WHERE $down AND length(p) <= $depth RETURN p
    }
    UNWIND relationships(p) AS d
    WITH DISTINCT d
    RETURN startNode(d).slug AS from, endNode(d).slug AS to, d.relation AS relation, d.since AS since, ${edgeProvenance('d')} AS provenance
    ORDER BY to, from`,
  params: { slug, up, down, depth: cypherInt(depth) },
  row: edgeRow,
});
