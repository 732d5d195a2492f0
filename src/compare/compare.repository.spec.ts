import { statementOf } from '../../test/support/statement';
import { Statement } from '../core/plan';
import {
  candidateAnswerQuery,
  countyUnitsQuery,
  pilotAnswerQuery,
  practiceFeaturesQuery,
} from '../pilots/pilots.repository';
import { comparisonQuery } from './compare.repository';

describe('compare and pilots Cypher', () => {
  it('reads a comparison in one statement, figures as the operation selects them', () => {
    const everything = {
      principles: true,
      adopters: true,
      practiceCount: true,
      figures: true,
      verdict: true,
    };
    expect(statementOf(comparisonQuery(['a', 'b'], {}, new Statement(), everything)))
      .toMatchInlineSnapshot(`
     {
       "cypher": "UNWIND $slugs AS slug MATCH (m:GovernanceModel {slug: slug})
         RETURN slug AS key, m {.slug, .name, .nameEn, .pinyin, .aliases, .kind, .summary, .summaryEn, .principlesComplete, .editorial, .editorialBasis, citationIds: [(m)-[:CITED_BY]->(x_cit:Citation) | x_cit.id]} AS model, COLLECT { MATCH (m)-[h:HAS_PRINCIPLE]->(p:Principle) WITH h, p ORDER BY h.order
         RETURN {principle: p {.slug, .name, .nameEn, .pinyin, .kind, .description, .descriptionEn}, order: h.order, note: h.note, provenance: {citationIds: h.citationIds, editorial: h.editorial, editorialBasis: h.editorialBasis, editorialNote: h.editorialNote}} } AS components,
           COLLECT { MATCH (m)<-[:IMPLEMENTS]-(p:Practice)-[:IN]->(r:Region) WITH p, r ORDER BY p.startSort IS NULL, p.startSort, r.code, p.id
             RETURN {region: r {.code, .name, .level}, practiceKey: p.id, status: p.status, startDate: p.startDate, startPrecision: p.startPrecision} } AS adoptions,
           COUNT { (m)<-[:IMPLEMENTS]-(:Practice) } AS practiceCount,
           COLLECT { MATCH (m)<-[:IMPLEMENTS]-(:Practice)<-[:ABOUT]-(o:Observation)-[:FOR]->(r:Region), (o)-[:MEASURES]->(i:Indicator) WITH o, r, i ORDER BY o.id
             RETURN {observation: o {.id, .value}, indicator: i {.code, .unit, .higherIsBetter}, facts: {unit: o.unit, periodKind: o.periodKind, period: o.period, sourceKind: o.sourceKind, scope: o.scope, qualifier: o.qualifier, regionLevel: CASE WHEN r.countyLevelHost IS NOT NULL THEN 'COUNTY' ELSE r.level END,
               denominatorIndicator: [(o)-[:DENOMINATOR]->(:Observation)-[:MEASURES]->(di:Indicator) | di.code][0]}} } AS figures",
       "params": {
         "slugs": [
           "a",
           "b",
         ],
       },
     }
    `);
  });

  it('reads only what the selection asks for: no verdict, no facts; no adopters, no adoptions', () => {
    const needs = {
      principles: false,
      adopters: false,
      practiceCount: true,
      figures: true,
      verdict: false,
    };
    const { cypher } = comparisonQuery(['a'], {}, new Statement(), needs);
    expect(cypher).not.toMatch(/DENOMINATOR|HAS_PRINCIPLE|\(p:Practice\)-\[:IN\]/);
    expect(cypher).toContain('facts: null');
    expect(cypher).toContain('[] AS components');
    expect(cypher).toContain('[] AS adoptions');
    expect(cypher).toContain('COUNT { (m)<-[:IMPLEMENTS]-(:Practice) } AS practiceCount');
    const nothing = { ...needs, practiceCount: false, figures: false };
    expect(comparisonQuery(['a'], {}, new Statement(), nothing).cypher).toMatch(
      /0 AS practiceCount,\s+\[\] AS figures$/,
    );
  });

  it('answers pilots and candidates with the graph fingerprint in the same statement', () => {
    expect(statementOf(pilotAnswerQuery(['p1'], undefined, new Statement())))
      .toMatchInlineSnapshot(`
     {
       "cypher": "OPTIONAL MATCH (gs:GraphState) WITH max(gs.revision) AS revision
       WITH revision, [COUNT { (:Practice) }, COUNT { (:Region) }, COUNT { ()-[:IMPLEMENTS]->() }, COUNT { ()-[:ABOUT]->() }] AS counts
         CALL () { UNWIND $keys AS key MATCH (n:Practice {id: key}) RETURN collect({key: key, n: n {.id, .category, .status}}) AS found }
         RETURN revision, counts, found",
       "params": {
         "keys": [
           "p1",
         ],
       },
     }
    `);
    expect(statementOf(candidateAnswerQuery('m', ['530102'], undefined, new Statement())))
      .toMatchInlineSnapshot(`
     {
       "cypher": "OPTIONAL MATCH (gs:GraphState) WITH max(gs.revision) AS revision
       WITH revision, [COUNT { (:Practice) }, COUNT { (:Region) }, COUNT { ()-[:IMPLEMENTS]->() }, COUNT { ()-[:ABOUT]->() }] AS counts
         CALL () { UNWIND $codes AS key MATCH (n:Region {code: key}) RETURN collect({key: key, n: n {.code, .name, .level}}) AS found }
         RETURN revision, counts, EXISTS { (:GovernanceModel {slug: $slug}) } AS model, found",
       "params": {
         "codes": [
           "530102",
         ],
         "slug": "m",
       },
     }
    `);
  });

  it('reads what pilots are scored on', () => {
    expect(statementOf(practiceFeaturesQuery())).toMatchInlineSnapshot(`
     {
       "cypher": "MATCH (p:Practice)-[:IN]->(r:Region)
         MATCH (u:Region {code: coalesce(r.zone, substring(r.code, 0, 6))})
         RETURN p.id AS key, p.name AS name, p.category AS category, p.status AS status, CASE WHEN r.countyLevelHost IS NOT NULL THEN 'COUNTY' ELSE r.level END AS level, u {.code, .name, .kind, .autonomous, .ethnicGroups} AS unit,
           [(p)-[:IMPLEMENTS]->(m:GovernanceModel) | {key: m.slug, name: m.name}] AS models,
           [(p)-[:IMPLEMENTS]->(:GovernanceModel)-[:HAS_PRINCIPLE]->(x:Principle) | {key: x.slug, name: x.name}] AS principles,
           [(p)<-[:ABOUT]-(:Observation)-[:MEASURES]->(i:Indicator) | {key: i.code, name: i.name}] AS indicators
         ORDER BY key",
       "params": {},
     }
    `);
    expect(statementOf(countyUnitsQuery())).toMatchInlineSnapshot(`
     {
       "cypher": "CALL () { MATCH (u:Region {level: 'COUNTY'}) RETURN u UNION MATCH (u:Region) WHERE u.countyLevelHost IS NOT NULL RETURN u }
         RETURN u {.code, .name, .kind, .autonomous, .ethnicGroups} AS unit ORDER BY u.code",
       "params": {},
     }
    `);
  });
});
