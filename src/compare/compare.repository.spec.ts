import { statementOf } from '../../test/support/statement';
import { countyUnitsQuery, practiceFeaturesQuery } from '../pilots/pilots.repository';
import { figuresOfModelsQuery, practiceCountsQuery } from './compare.repository';

describe('compare and pilots Cypher', () => {
  it('reads the figures of models and their practice counts', () => {
    expect(statementOf(figuresOfModelsQuery(['a', 'b']))).toMatchInlineSnapshot(`
{
  "cypher": "UNWIND $slugs AS slug
    MATCH (:GovernanceModel {slug: slug})<-[:IMPLEMENTS]-(:Practice)<-[:ABOUT]-(o:Observation)-[:FOR]->(r:Region)
    WITH slug, o, r ORDER BY o.id
    RETURN slug, collect({observation: o {.id, .value, .unit, .qualifier, .period, .periodStart, .periodEnd, .reported, .reportedOffset, .comparisonKind, .basePeriod, .scope, .note, .sourceKind, regionCode: [(o)-[:FOR]->(x_n:Region) | x_n.code][0], indicatorCode: [(o)-[:MEASURES]->(x_n:Indicator) | x_n.code][0], practiceKey: [(o)-[:ABOUT]->(x_n:Practice) | x_n.id][0], numeratorKey: [(o)-[:NUMERATOR]->(x_n:Observation) | x_n.id][0], denominatorKey: [(o)-[:DENOMINATOR]->(x_n:Observation) | x_n.id][0], citationIds: [(o)-[:CITED_BY]->(x_cit:Citation) | x_cit.id]}, regionLevel: r.level,
      denominatorIndicator: [(o)-[:DENOMINATOR]->(:Observation)-[:MEASURES]->(di:Indicator) | di.code][0]}) AS figures",
  "params": {
    "slugs": [
      "a",
      "b",
    ],
  },
}
`);
    expect(statementOf(practiceCountsQuery(['a', 'b']))).toMatchInlineSnapshot(`
{
  "cypher": "UNWIND $slugs AS slug OPTIONAL MATCH (:GovernanceModel {slug: slug})<-[:IMPLEMENTS]-(p:Practice) RETURN slug, count(p) AS n",
  "params": {
    "slugs": [
      "a",
      "b",
    ],
  },
}
`);
  });

  it('reads what pilots are scored on', () => {
    expect(statementOf(practiceFeaturesQuery())).toMatchInlineSnapshot(`
{
  "cypher": "MATCH (p:Practice)-[:IN]->(r:Region)
    OPTIONAL MATCH (t:Region {code: substring(r.code, 0, 9)}) WHERE size(r.code) >= 9 AND t.kind IN $special
    WITH p, r, coalesce(t.code, substring(r.code, 0, 6)) AS unitCode
    MATCH (u:Region {code: unitCode})
    RETURN p.id AS key, p.name AS name, p.category AS category, p.status AS status, r.level AS level, u {.code, .name, .kind, .autonomous, .ethnicGroups} AS unit,
      [(p)-[:IMPLEMENTS]->(m:GovernanceModel) | {key: m.slug, name: m.name}] AS models,
      [(p)-[:IMPLEMENTS]->(:GovernanceModel)-[:HAS_PRINCIPLE]->(x:Principle) | {key: x.slug, name: x.name}] AS principles,
      [(p)<-[:ABOUT]-(:Observation)-[:MEASURES]->(i:Indicator) | {key: i.code, name: i.name}] AS indicators
    ORDER BY key",
  "params": {
    "special": [
      "风景名胜区",
      "开发区",
      "园区",
      "其他",
    ],
  },
}
`);
    expect(statementOf(countyUnitsQuery())).toMatchInlineSnapshot(`
{
  "cypher": "MATCH (u:Region {level: 'COUNTY'}) RETURN u {.code, .name, .kind, .autonomous, .ethnicGroups} AS unit ORDER BY u.code",
  "params": {},
}
`);
  });
});
