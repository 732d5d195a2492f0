import { z } from 'zod';
import type { CypherQuery, DecodedQuery } from '../core/db/executor';
import type { Actor } from './change.statements';
import { FACT_NODES, type FactType, linkEnds } from './editing-facts';

/**
 * Cypher of retraction. The rule: a published fact that other published facts rest on cannot be
 * retracted; the refusal names them, and the editor retracts or updates those first. Retracting
 * it anyway would leave them pointing at nothing (a practice with no model, a quote whose source
 * no read can load), so no cascade is done silently.
 */

type NodeType = Exclude<FactType, 'LINEAGE_LINK'>;

/** How a dependant is named in a refusal: its kind of fact and key (`PRACTICE:panlong-…`). */
const nameOf = (x: string) => `CASE
  WHEN ${x}:Practice THEN 'PRACTICE:' + ${x}.id WHEN ${x}:Observation THEN 'OBSERVATION:' + ${x}.id WHEN ${x}:Organization THEN 'ORGANIZATION:' + ${x}.id
  WHEN ${x}:Indicator THEN 'INDICATOR:' + ${x}.code WHEN ${x}:GovernanceModel THEN 'MODEL:' + ${x}.slug WHEN ${x}:Person THEN 'PERSON:' + ${x}.id WHEN ${x}:Region THEN 'REGION:' + ${x}.code
  ELSE head(labels(${x})) + ':' + coalesce(${x}.id, ${x}.slug, ${x}.code) END`;

/**
 * What rests on the fact bound to `n`, as names. Only live nodes count: a pattern's label is the
 * published one, which a retracted node has lost. A source is rested on by every fact that quotes
 * it, on a node (CITED_BY) or on a model's edge (its citationIds).
 */
const DEPENDANTS: Record<NodeType, string> = {
  SOURCE: `COLLECT { MATCH (x)-[:CITED_BY]->(:Citation)-[:FROM]->(n) WHERE NOT x:Retracted RETURN DISTINCT ${nameOf('x')} AS d }
    + COLLECT { MATCH (a:GovernanceModel)-[r:DERIVED_FROM|HAS_PRINCIPLE|ORIGINATED_IN]->(b)
        WHERE any(i IN coalesce(r.citationIds, []) WHERE EXISTS { MATCH (:Citation {id: i})-[:FROM]->(n) })
        RETURN DISTINCT CASE type(r) WHEN 'DERIVED_FROM' THEN 'LINEAGE_LINK:' + a.slug + '>' + b.slug ELSE 'MODEL:' + a.slug END AS d }`,
  MODEL: `COLLECT { MATCH (p:Practice)-[:IMPLEMENTS]->(n) RETURN 'PRACTICE:' + p.id AS d }
    + COLLECT { MATCH (m:GovernanceModel)-[:DERIVED_FROM]->(n) RETURN 'LINEAGE_LINK:' + m.slug + '>' + n.slug AS d }`,
  PRINCIPLE: `COLLECT { MATCH (m:GovernanceModel)-[:HAS_PRINCIPLE]->(n) RETURN 'MODEL:' + m.slug AS d }`,
  PRACTICE: `COLLECT { MATCH (o:Observation)-[:ABOUT]->(n) RETURN 'OBSERVATION:' + o.id AS d }`,
  OBSERVATION: `COLLECT { MATCH (o:Observation)-[:NUMERATOR|DENOMINATOR]->(n) RETURN DISTINCT 'OBSERVATION:' + o.id AS d }`,
  ORGANIZATION: `COLLECT { MATCH (p:Practice)-[:INVOLVES]->(n) RETURN 'PRACTICE:' + p.id AS d }
    + COLLECT { MATCH (x:Person)-[:HOLDS_POSITION]->(n) RETURN 'PERSON:' + x.id AS d }`,
  UNIT: `COLLECT { MATCH (i:Indicator)-[:HAS_UNIT]->(n) RETURN 'INDICATOR:' + i.code AS d }`,
  INDICATOR: `COLLECT { MATCH (o:Observation)-[:MEASURES]->(n) RETURN 'OBSERVATION:' + o.id AS d }`,
  // Never used: a zone's status is not retracted (retraction.service.ts refuses it).
  ZONE: '[]',
};

const RETRACT_CHECK_ROW = z.object({ before: z.number(), dependants: z.array(z.string()) });

/**
 * Locks the published fact (node or lineage edge), then reads its version and what rests on it:
 * taken after the lock, so a fact published meanwhile that links to it is either seen here or
 * waits for this retraction. No row when the fact is not published.
 */
export function retractCheckQuery(
  type: FactType,
  key: string,
): DecodedQuery<z.output<typeof RETRACT_CHECK_ROW>> {
  if (type === 'LINEAGE_LINK') {
    return {
      cypher: `MATCH (:GovernanceModel {slug: $from})-[d:DERIVED_FROM]->(:GovernanceModel {slug: $to})
        SET d.locked = true REMOVE d.locked
        RETURN coalesce(d.version, 1) AS before, [] AS dependants`,
      params: linkEnds(key),
      row: RETRACT_CHECK_ROW,
    };
  }
  const { label, key: prop } = FACT_NODES[type];
  return {
    cypher: `MATCH (n:${label} {${prop}: $key})
      SET n.locked = true REMOVE n.locked
      RETURN coalesce(n.version, 1) AS before, ${DEPENDANTS[type]} AS dependants`,
    params: { key },
    row: RETRACT_CHECK_ROW,
  };
}

/**
 * Whether the fact was published once and has been retracted (kept as :Retracted, or as a retracted
 * edge).
 */
export function wasRetractedQuery(
  type: FactType,
  key: string,
): DecodedQuery<{ retracted: boolean }> {
  const row = z.object({ retracted: z.boolean() });
  if (type === 'LINEAGE_LINK') {
    return {
      cypher: `RETURN EXISTS { MATCH (:GovernanceModel {slug: $from})-[:RETRACTED_DERIVED_FROM]->({slug: $to}) }
        OR EXISTS { MATCH (:Retracted {slug: $from})-[:RETRACTED_DERIVED_FROM]->({slug: $to}) } AS retracted`,
      params: linkEnds(key),
      row,
    };
  }
  const { label, key: prop } = FACT_NODES[type];
  return {
    cypher: `RETURN EXISTS { MATCH (n:Retracted {retractedLabel: '${label}', ${prop}: $key}) } AS retracted`,
    params: { key },
    row,
  };
}

/**
 * Retracts a published fact, kept with its reason: the node loses its label (so no public read
 * finds it) and becomes :Retracted; a lineage edge becomes RETRACTED_DERIVED_FROM. Run after
 * `retractCheckQuery` in the same transaction.
 */
export function retractQuery(
  type: FactType,
  key: string,
  reason: string,
  actor: Actor,
): CypherQuery {
  const params = { key, reason, by: actor.by };
  if (type === 'LINEAGE_LINK') {
    return {
      cypher: `MATCH (a:GovernanceModel {slug: $from})-[d:DERIVED_FROM]->(b:GovernanceModel {slug: $to})
        WITH a, b, d, coalesce(d.version, 1) AS before
        CREATE (a)-[r:RETRACTED_DERIVED_FROM]->(b) SET r = properties(d), r.version = before + 1, r.retractedAt = datetime(), r.retractedBy = $by, r.retractionReason = $reason
        DELETE d`,
      params: { ...params, ...linkEnds(key) },
    };
  }
  const { label, key: prop } = FACT_NODES[type];
  return {
    cypher: `MATCH (n:${label} {${prop}: $key})
      WITH n, coalesce(n.version, 1) AS before
      REMOVE n:${label} SET n:Retracted, n.retractedLabel = '${label}', n.version = before + 1, n.seeded = false,
        n.retractedAt = datetime(), n.retractedBy = $by, n.retractionReason = $reason`,
    params,
  };
}
