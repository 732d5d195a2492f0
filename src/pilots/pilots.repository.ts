import { z } from 'zod';
import { flag, text, texts } from '../core/db/decode';
import type { DecodedQuery } from '../core/db/executor';

/**
 * Township-level units that are administered like counties (scenic areas, development zones):
 * their practices are their own, not their host county's. 阳宗海 is the case in point.
 */
export const COUNTY_LIKE_TOWNSHIP_KINDS = ['风景名胜区', '开发区', '园区', '其他'];

const UNIT_FIELDS = 'u {.code, .name, .kind, .autonomous, .ethnicGroups}';
const unit = z
  .object({ code: text, name: text, kind: text, autonomous: flag, ethnicGroups: texts })
  .transform((u) => ({ ...u, autonomous: u.autonomous ?? false, ethnicGroups: u.ethnicGroups ?? [] }));
const named = z.array(z.object({ key: text, name: text }));
const practiceRow = z.object({ key: text, name: text, category: text, status: text, level: text, unit, models: named, principles: named, indicators: named });

export type UnitRow = z.output<typeof unit>;
export type PracticeRow = z.output<typeof practiceRow>;

/** Every practice with what scoring needs, its unit resolved (county, or county-like zone). */
export const practiceFeaturesQuery = (): DecodedQuery<PracticeRow> => ({
  cypher: `MATCH (p:Practice)-[:IN]->(r:Region)
    OPTIONAL MATCH (t:Region {code: substring(r.code, 0, 9)}) WHERE size(r.code) >= 9 AND t.kind IN $special
    WITH p, r, coalesce(t.code, substring(r.code, 0, 6)) AS unitCode
    MATCH (u:Region {code: unitCode})
    RETURN p.id AS key, p.name AS name, p.category AS category, p.status AS status, r.level AS level, ${UNIT_FIELDS} AS unit,
      [(p)-[:IMPLEMENTS]->(m:GovernanceModel) | {key: m.slug, name: m.name}] AS models,
      [(p)-[:IMPLEMENTS]->(:GovernanceModel)-[:HAS_PRINCIPLE]->(x:Principle) | {key: x.slug, name: x.name}] AS principles,
      [(p)<-[:ABOUT]-(:Observation)-[:MEASURES]->(i:Indicator) | {key: i.code, name: i.name}] AS indicators
    ORDER BY key`,
  params: { special: COUNTY_LIKE_TOWNSHIP_KINDS },
  row: practiceRow,
});

const UNIT_ROW = z.object({ unit });

/** County-level units that could adopt a model: every county in the graph. */
export const countyUnitsQuery = (): DecodedQuery<{ unit: UnitRow }> => ({
  cypher: `MATCH (u:Region {level: 'COUNTY'}) RETURN ${UNIT_FIELDS} AS unit ORDER BY u.code`,
  row: UNIT_ROW,
});
