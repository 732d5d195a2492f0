import { actingLevel } from '../src/region/region-rollup';

/**
 * comparablePilots and adoptionCandidates as one hand-written Cypher statement each, scoring as
 * `src/pilots/scoring.ts` documents, from the graph alone (no stored features): what a Cypher
 * author, or a `@cypher` field of the peer, would run. A unit in a county-level zone (阳宗海)
 * carries the zone's code as `zone`: its practices are the zone's, not the host county's.
 */

/**
 * `u`, the county-level unit of region `r` (its county-level zone, or the county its code starts
 * with).
 */
const unitOf = (r: string, u: string) =>
  `CALL (${r}) { MATCH (${u}:Region {code: coalesce(${r}.zone, substring(${r}.code, 0, 6))}) RETURN ${u} }`;

const capped = (x: string) => `CASE WHEN ${x} > 3 THEN 3 ELSE ${x} END`;
const groupsInCommon = (a: string, b: string) =>
  `size([g IN coalesce(${a}.ethnicGroups, []) WHERE g IN coalesce(${b}.ethnicGroups, [])])`;

const PILOTS_BODY = `MATCH (q:Practice {id: $key})-[:IN]->(qr:Region)
  ${unitOf('qr', 'qu')}
  WITH q, qr, qu,
    COLLECT { MATCH (q)-[:IMPLEMENTS]->(m:GovernanceModel) RETURN DISTINCT m.slug } AS qm,
    COLLECT { MATCH (q)-[:IMPLEMENTS]->(:GovernanceModel)-[:HAS_PRINCIPLE]->(x:Principle) RETURN DISTINCT x.slug } AS qp,
    COLLECT { MATCH (q)<-[:ABOUT]-(:Observation)-[:MEASURES]->(i:Indicator) RETURN DISTINCT i.code } AS qi
  MATCH (p:Practice)-[:IN]->(r:Region) WHERE p <> q
  ${unitOf('r', 'u')}
  WITH p, 3 * COUNT { MATCH (p)-[:IMPLEMENTS]->(m:GovernanceModel) WHERE m.slug IN qm }
    + ${capped('size(COLLECT { MATCH (p)-[:IMPLEMENTS]->(:GovernanceModel)-[:HAS_PRINCIPLE]->(x:Principle) WHERE x.slug IN qp RETURN DISTINCT x.slug })')}
    + CASE WHEN p.category = q.category THEN 2 ELSE 0 END + CASE WHEN p.status = q.status THEN 1 ELSE 0 END
    + CASE WHEN coalesce(qu.autonomous, false) AND coalesce(u.autonomous, false) THEN 1 + 0.5 * ${groupsInCommon('qu', 'u')} ELSE 0 END
    + CASE WHEN qu.kind = u.kind THEN 0.5 ELSE 0 END + CASE WHEN ${actingLevel('qr')} = ${actingLevel('r')} THEN 0.5 ELSE 0 END
    + ${capped('size(COLLECT { MATCH (p)<-[:ABOUT]-(:Observation)-[:MEASURES]->(i:Indicator) WHERE i.code IN qi RETURN DISTINCT i.code })')} AS score
  WHERE score > 0
  WITH p, score ORDER BY score DESC, p.id LIMIT toInteger($first)`;

export const PILOTS_CYPHER = `${PILOTS_BODY} RETURN collect({key: p.id, score: round(score, 2)}) AS answer`;
/** The same, one row per match, for the peer's `@cypher` field. */
export const PILOTS_PEER_CYPHER = `${PILOTS_BODY} RETURN {key: p.id, score: round(score, 2)} AS match`;

/**
 * Units' models and principles are folded from their practices, adopters are the units practising
 * the model (a county-level zone among them), and each county without it takes its best score
 * against any adopter: candidates are counties only, as Zhili ranks them (src/pilots: a zone
 * adopts, but is not proposed).
 */
const CANDIDATES_BODY = `CALL () {
    MATCH (p:Practice)-[:IN]->(r:Region)
    ${unitOf('r', 'u')}
    MATCH (p)-[:IMPLEMENTS]->(m:GovernanceModel)
    WITH u, collect(DISTINCT m) AS models
    RETURN u, [m IN models | m.slug] AS models,
      COLLECT { UNWIND models AS m MATCH (m)-[:HAS_PRINCIPLE]->(x:Principle) RETURN DISTINCT x.slug } AS principles
  }
  WITH collect({u: u, models: models, principles: principles}) AS units
  WITH units, [x IN units WHERE $slug IN x.models] AS adopters
  MATCH (c:Region {level: 'COUNTY'})
  WITH units, adopters, c WHERE size(adopters) > 0
  WITH adopters, c, head([x IN units WHERE x.u = c]) AS mine
  WITH adopters, c, coalesce(mine.models, []) AS cm, coalesce(mine.principles, []) AS cp
  WHERE NOT $slug IN cm
  UNWIND adopters AS a
  WITH c, cm, cp, a, size([x IN cm WHERE x IN a.models]) AS im, size([x IN cp WHERE x IN a.principles]) AS ip
  WITH c, a, 3 * CASE WHEN size(cm) + size(a.models) - im = 0 THEN 0.0 ELSE toFloat(im) / (size(cm) + size(a.models) - im) END
    + 2 * CASE WHEN size(cp) + size(a.principles) - ip = 0 THEN 0.0 ELSE toFloat(ip) / (size(cp) + size(a.principles) - ip) END
    + CASE WHEN substring(c.code, 0, 4) = substring(a.u.code, 0, 4) THEN 2 WHEN substring(c.code, 0, 2) = substring(a.u.code, 0, 2) THEN 1 ELSE 0 END
    + CASE WHEN c.kind = a.u.kind THEN 1 ELSE 0 END
    + CASE WHEN coalesce(c.autonomous, false) AND coalesce(a.u.autonomous, false) THEN 1.5 + 0.5 * ${groupsInCommon('c', 'a.u')} ELSE 0 END AS score
  WITH c, round(max(score), 2) AS score WHERE score > 0
  WITH c, score ORDER BY score DESC, c.code LIMIT toInteger($first)`;

export const CANDIDATES_CYPHER = `${CANDIDATES_BODY} RETURN collect({code: c.code, score: score}) AS answer`;
export const CANDIDATES_PEER_CYPHER = `${CANDIDATES_BODY} RETURN {code: c.code, score: score} AS match`;

/** compareModels' content (not its comparability notes), per model in the order asked. */
export const COMPARE_CYPHER = `UNWIND range(0, size($slugs) - 1) AS i
  MATCH (m:GovernanceModel {slug: $slugs[i]})
  WITH i, m ORDER BY i
  RETURN collect({slug: m.slug,
    principles: COLLECT { MATCH (m)-[:HAS_PRINCIPLE]->(x:Principle) RETURN x.slug },
    practices: COUNT { (m)<-[:IMPLEMENTS]-(:Practice) },
    adopters: COLLECT { MATCH (m)<-[:IMPLEMENTS]-(:Practice)-[:IN]->(r:Region) RETURN r.code },
    figures: COLLECT { MATCH (m)<-[:IMPLEMENTS]-(:Practice)<-[:ABOUT]-(o:Observation)-[:MEASURES]->(x:Indicator) WHERE EXISTS { (o)-[:FOR]->(:Region) }
      RETURN {indicator: x.code, key: o.id, value: o.value} }}) AS answer`;
