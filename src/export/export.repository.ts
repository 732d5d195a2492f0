import { z } from 'zod';
import { cypherInt } from '../core/db/convert';
import type { DecodedQuery } from '../core/db/executor';
import { type NodeKind, RETRACTED } from './graph-identity';
import { propsOf } from './graph-values';

/**
 * The export's reads: one statement each, so nodes and relationships come from the same moment.
 * Every row is a node with its properties and its outgoing relationships; element ids only join
 * the two within this answer and never reach the file.
 */

const RAW = z.array(z.object({ k: z.string(), t: z.string(), v: z.unknown() }));

const NODE_ROW = z.object({
  eid: z.string(),
  labels: z.array(z.string()),
  props: RAW,
  out: z.array(z.object({ type: z.string(), end: z.string(), props: RAW })),
});
export type NodeRow = z.output<typeof NODE_ROW>;

const ROW_OF = (
  n: string,
) => `RETURN elementId(${n}) AS eid, labels(${n}) AS labels, ${propsOf(n)} AS props,
  [(${n})-[r]->(m) | {type: type(r), end: elementId(m), props: ${propsOf('r')}}] AS out`;

/** Every node of the exported kinds (and retracted facts), with its outgoing relationships. */
export function wholeGraphQuery(kinds: readonly NodeKind[]): DecodedQuery<NodeRow> {
  return {
    cypher: `MATCH (n) WHERE any(l IN labels(n) WHERE l IN $labels) ${ROW_OF('n')}`,
    params: { labels: [...kinds.map((k) => k.label), RETRACTED] },
    row: NODE_ROW,
  };
}

/**
 * What a part holds beyond its regions, models, practices, observations, organisations and people
 * (bound as lists by the statement before it): the observations that rates are computed from,
 * the models the practices implement, principles, indicators and their units, the regions all of
 * these are in or for with every region above them, then the quotes that cite any of it (nodes or
 * their relationships) and the sources of those quotes. Quotes are fetched generously here and
 * pruned to those actually cited (export.service.ts).
 */
const CLOSURE = `
WITH area, practices, observations0, models0, organizations0, people0,
     COLLECT { UNWIND observations0 AS o MATCH (o)-[:NUMERATOR|DENOMINATOR]->(x:Observation) RETURN x UNION UNWIND observations0 AS x RETURN x } AS observations
WITH area, practices, observations, organizations0, people0,
     COLLECT { UNWIND models0 AS m RETURN m UNION UNWIND practices AS p MATCH (p)-[:IMPLEMENTS]->(m:GovernanceModel) WHERE $implemented RETURN m } AS models
WITH area, practices, observations, models, people0,
     COLLECT { UNWIND organizations0 AS o RETURN o UNION UNWIND practices AS p MATCH (p)-[:INVOLVES]->(o:Organization) RETURN o } AS organizations
WITH area, practices, observations, models, organizations,
     COLLECT { UNWIND people0 AS x RETURN x UNION UNWIND organizations AS o MATCH (x:Person)-[:HOLDS_POSITION]->(o) RETURN x } AS people,
     COLLECT { UNWIND models AS m MATCH (m)-[:HAS_PRINCIPLE]->(x:Principle) RETURN DISTINCT x } AS principles,
     COLLECT { UNWIND observations AS o MATCH (o)-[:MEASURES]->(i:Indicator) RETURN DISTINCT i } AS indicators
WITH *, COLLECT { UNWIND indicators AS i MATCH (i)-[:HAS_UNIT]->(u:Unit) RETURN DISTINCT u } AS units,
     COLLECT {
       UNWIND area AS r RETURN r
       UNION UNWIND practices + organizations AS x MATCH (x)-[:IN]->(r:Region) RETURN r
       UNION UNWIND observations AS x MATCH (x)-[:FOR]->(r:Region) RETURN r
       UNION UNWIND models AS x MATCH (x)-[:ORIGINATED_IN]->(r:Region) RETURN r
     } AS placed
WITH practices + observations + models + organizations + people + principles + indicators + units AS facts,
     COLLECT { UNWIND placed AS r MATCH (r)-[:PART_OF*0..]->(a:Region) RETURN DISTINCT a } AS regions
WITH facts + regions AS core
WITH core, COLLECT {
       UNWIND core AS n MATCH (n)-[:CITED_BY]->(c:Citation) RETURN c
       UNION UNWIND core AS n MATCH (n)-[r]->() WHERE r.citationIds IS NOT NULL UNWIND r.citationIds AS cid MATCH (c:Citation {id: cid}) RETURN c
       UNION MATCH (r:Region)-[:CITED_BY]->(c:Citation) WHERE $area IS NOT NULL AND r.code STARTS WITH $area RETURN c
     } AS citations
WITH core + citations + COLLECT { UNWIND citations AS c MATCH (c)-[:FROM]->(s:Source) RETURN DISTINCT s } AS nodes
UNWIND nodes AS n
${ROW_OF('n')}`;

/**
 * A region and everything below it (PART_OF), with the practices, organisations, people and
 * observations placed there, the models that originated there, and the closure above — less the
 * area's own regions, which `areaPageQuery` reads in pages: a province's are ~16,500 rows, more
 * than one statement should hold. Codes nest by prefix (parentCode), so the area is a range of
 * the code's index, never a walk from every region of the graph up to the root.
 */
export function regionPartQuery(code: string): DecodedQuery<NodeRow> {
  const inArea = (x: string, rel: string) =>
    `MATCH (${x})-[:${rel}]->(r:Region) WHERE r.code STARTS WITH $code`;
  return {
    cypher: `MATCH (root:Region {code: $code})
WITH root,
     COLLECT { ${inArea('p:Practice', 'IN')} RETURN DISTINCT p } AS practices,
     COLLECT { ${inArea('m:GovernanceModel', 'ORIGINATED_IN')} RETURN DISTINCT m } AS models0,
     COLLECT { ${inArea('o:Organization', 'IN')} RETURN DISTINCT o } AS organizations0,
     COLLECT { ${inArea('x:Person', 'HOLDS_POSITION')} RETURN DISTINCT x } AS people0
WITH [root] AS area, practices, models0, organizations0, people0,
     COLLECT { ${inArea('o:Observation', 'FOR')} RETURN o UNION UNWIND practices AS p MATCH (o:Observation)-[:ABOUT]->(p) RETURN o } AS observations0
${CLOSURE}`,
    params: { code, area: code, implemented: true },
    row: NODE_ROW,
  };
}

/**
 * One page of a region's area (the region and every region below it), in code order after `after`.
 */
export function areaPageQuery(
  code: string,
  after: string | null,
  limit: number,
): DecodedQuery<NodeRow & { code: string }> {
  return {
    cypher: `MATCH (n:Region) WHERE n.code STARTS WITH $code AND ($after IS NULL OR n.code > $after)
WITH n ORDER BY n.code LIMIT $limit
${ROW_OF('n')}, n.code AS code`,
    params: { code, after, limit: cypherInt(limit) },
    row: NODE_ROW.extend({ code: z.string() }),
  };
}

/**
 * A model's lineage family: the model, every model it derives from and every model derived from
 * it (DERIVED_FROM, any depth), their practices and the observations about those, and the closure
 * above — except models outside the family that those practices also implement.
 */
export function modelPartQuery(slug: string): DecodedQuery<NodeRow> {
  return {
    cypher: `MATCH (root:GovernanceModel {slug: $slug})
WITH COLLECT { MATCH (root)-[:DERIVED_FROM*0..]->(m:GovernanceModel) RETURN m UNION MATCH (m:GovernanceModel)-[:DERIVED_FROM*1..]->(root) RETURN m } AS models0
WITH [] AS area, models0, COLLECT { UNWIND models0 AS m MATCH (p:Practice)-[:IMPLEMENTS]->(m) RETURN DISTINCT p } AS practices, [] AS organizations0, [] AS people0
WITH area, practices, models0, organizations0, people0, COLLECT { UNWIND practices AS p MATCH (o:Observation)-[:ABOUT]->(p) RETURN DISTINCT o } AS observations0
${CLOSURE}`,
    params: { slug, area: null, implemented: false },
    row: NODE_ROW,
  };
}
