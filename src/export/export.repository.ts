import { z } from 'zod';
import type { DecodedQuery } from '../core/db/executor';
import { RETRACTED, type NodeKind } from './graph.identity';
import { propsOf } from './graph.values';

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

const ROW_OF = (n: string) => `RETURN elementId(${n}) AS eid, labels(${n}) AS labels, ${propsOf(n)} AS props,
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
     } AS citations
WITH core + citations + COLLECT { UNWIND citations AS c MATCH (c)-[:FROM]->(s:Source) RETURN DISTINCT s } AS nodes
UNWIND nodes AS n
${ROW_OF('n')}`;

/**
 * A region and everything below it (PART_OF), with the practices, organisations, people and
 * observations placed there, the models that originated there, and the closure above.
 */
export function regionPartQuery(code: string): DecodedQuery<NodeRow> {
  return {
    cypher: `MATCH (root:Region {code: $code})
WITH COLLECT { MATCH (r:Region)-[:PART_OF*0..]->(root) RETURN r } AS area
WITH area,
     COLLECT { UNWIND area AS r MATCH (p:Practice)-[:IN]->(r) RETURN DISTINCT p } AS practices,
     COLLECT { UNWIND area AS r MATCH (m:GovernanceModel)-[:ORIGINATED_IN]->(r) RETURN DISTINCT m } AS models0,
     COLLECT { UNWIND area AS r MATCH (o:Organization)-[:IN]->(r) RETURN DISTINCT o } AS organizations0,
     COLLECT { UNWIND area AS r MATCH (x:Person)-[:HOLDS_POSITION]->(r) RETURN DISTINCT x } AS people0
WITH area, practices, models0, organizations0, people0,
     COLLECT { UNWIND area AS r MATCH (o:Observation)-[:FOR]->(r) RETURN o UNION UNWIND practices AS p MATCH (o:Observation)-[:ABOUT]->(p) RETURN o } AS observations0
${CLOSURE}`,
    params: { code, implemented: true },
    row: NODE_ROW,
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
    params: { slug, implemented: false },
    row: NODE_ROW,
  };
}
