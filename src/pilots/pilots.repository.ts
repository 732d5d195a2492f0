import type { CypherQuery, Row } from '../db/executor';
import type { CountyFeatures, PracticeFeatures, UnitFeatures } from './scoring';

/**
 * Township-level units that are administered like counties (scenic areas, development zones):
 * their practices are their own, not their host county's. 阳宗海 is the case in point.
 */
export const COUNTY_LIKE_TOWNSHIP_KINDS = ['风景名胜区', '开发区', '园区', '其他'];

const UNIT_FIELDS = 'u {.code, .name, .kind, .autonomous, .ethnicGroups}';

/** Every practice with what scoring needs, its unit resolved (county, or county-like zone). */
export const practiceFeaturesQuery = (): CypherQuery => ({
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
});

/** County-level units that could adopt a model: every county in the graph. */
export const countyUnitsQuery = (): CypherQuery => ({
  cypher: `MATCH (u:Region {level: 'COUNTY'}) RETURN ${UNIT_FIELDS} AS unit ORDER BY u.code`,
});

const keys = (xs: unknown) => [...new Set(((xs as Row[]) ?? []).map((x) => String(x.key)))];
const toUnit = (u: Row): UnitFeatures => ({ code: String(u.code), name: String(u.name), kind: String(u.kind), autonomous: Boolean(u.autonomous), ethnicGroups: (u.ethnicGroups as string[]) ?? [] });

export function toPracticeFeatures(rows: readonly Row[]): { practices: PracticeFeatures[]; names: Map<string, string> } {
  const names = new Map<string, string>();
  const practices = rows.map((r) => {
    for (const list of [r.models, r.principles, r.indicators] as Row[][]) for (const x of list ?? []) names.set(String(x.key), String(x.name));
    return {
      key: String(r.key), name: String(r.name), category: String(r.category), status: String(r.status), level: String(r.level), unit: toUnit(r.unit as Row),
      models: keys(r.models), principles: keys(r.principles), indicators: keys(r.indicators),
    };
  });
  return { practices, names };
}

/** Units with the models and principles practised in them (units without practices get none). */
export function toCountyFeatures(units: readonly Row[], practices: readonly PracticeFeatures[]): CountyFeatures[] {
  const byUnit = new Map<string, CountyFeatures>();
  for (const u of units) byUnit.set(String(u.code), { ...toUnit(u), models: [], principles: [] });
  for (const p of practices) {
    const current = byUnit.get(p.unit.code) ?? { ...p.unit, models: [], principles: [] };
    byUnit.set(p.unit.code, { ...current, models: [...new Set([...current.models, ...p.models])], principles: [...new Set([...current.principles, ...p.principles])] });
  }
  return [...byUnit.values()];
}
