import { z } from 'zod';
import { edgeProvenance, provenance } from '../citation/citation.repository';
import { cypherInt } from '../core/db/convert';
import { oneOf, optNum, text } from '../core/db/decode';
import type { DecodedQuery } from '../core/db/executor';
import { LINEAGE_RELATIONS } from '../core/vocabulary';
import { ModelEntity } from '../model/model.repository';

/** Longest chain the API follows; maxDepth is checked against it. */
export const MAX_LINEAGE_DEPTH = 10;

const edgeRow = z.object({
  from: text,
  to: text,
  relation: oneOf(LINEAGE_RELATIONS),
  since: optNum,
  provenance,
});
export type LineageEdgeRow = z.output<typeof edgeRow>;

const LINEAGE_ROW = z.object({
  root: ModelEntity.decode,
  edges: z.array(edgeRow),
  models: z.array(ModelEntity.decode),
});
export type LineageRow = z.output<typeof LINEAGE_ROW>;

/**
 * The root, every DERIVED_FROM edge on paths from it up and/or down no longer than $depth, and
 * every model those edges touch: one statement. The pattern's bound is a constant; the asked
 * depth is a parameter filtering paths. No row when the root does not exist.
 */
export const lineageQuery = (
  slug: string,
  up: boolean,
  down: boolean,
  depth: number,
): DecodedQuery<LineageRow> => ({
  cypher: `MATCH (root:GovernanceModel {slug: $slug})
    CALL (root) {
      CALL (root) {
        MATCH p = (root)-[:DERIVED_FROM*1..${MAX_LINEAGE_DEPTH}]->(:GovernanceModel) WHERE $up AND length(p) <= $depth RETURN p
        UNION
        MATCH p = (root)<-[:DERIVED_FROM*1..${MAX_LINEAGE_DEPTH}]-(:GovernanceModel) WHERE $down AND length(p) <= $depth RETURN p
      }
      UNWIND relationships(p) AS d
      WITH DISTINCT d ORDER BY endNode(d).slug, startNode(d).slug
      RETURN collect({from: startNode(d).slug, to: endNode(d).slug, relation: d.relation, since: d.since, provenance: ${edgeProvenance('d')}}) AS edges,
        collect(startNode(d)) + collect(endNode(d)) AS touched
    }
    RETURN ${ModelEntity.projection('root')} AS root, edges, COLLECT { UNWIND touched AS m WITH DISTINCT m RETURN ${ModelEntity.projection('m')} } AS models`,
  params: { slug, up, down, depth: cypherInt(depth) },
  row: LINEAGE_ROW,
});
