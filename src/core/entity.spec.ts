import { statementOf } from '../../test/support/statement';
import { CitationEntity, SourceEntity } from '../citation/citation.repository';
import { IndicatorEntity, UnitEntity } from '../indicator/indicator.repository';
import {
  OrganizationEntity,
  organizationsOfPracticesQuery,
  PersonEntity,
} from '../organization/organization.repository';
import { PrincipleEntity } from '../principle/principle.repository';
import {
  allOfQuery,
  byKeysQuery,
  constraintStatements,
  type Entity,
  indexStatements,
  mapProjection,
} from './entity';

describe('entity descriptors', () => {
  it('project properties and computed entries', () => {
    expect(mapProjection('n', ['a', 'b'], { c: 'size(n.a)' })).toBe('n {.a, .b, c: size(n.a)}');
  });

  it('give each node type its by-key statement', () => {
    expect(
      (
        [
          CitationEntity,
          SourceEntity,
          IndicatorEntity,
          UnitEntity,
          OrganizationEntity,
          PersonEntity,
          PrincipleEntity,
        ] as Entity[]
      ).map((e: Entity) => byKeysQuery(e, ['k']).cypher),
    ).toMatchInlineSnapshot(`
[
  "UNWIND $keys AS key MATCH (n:Citation {id: key}) RETURN key, n {.id, .quote, .offset, .length, .sourceId} AS n",
  "UNWIND $keys AS key MATCH (n:Source {id: key}) RETURN key, n {.id, .title, .titleEn, .author, .publisher, .originalPublisher, .published, .language, .kind, .sha256, .url} AS n",
  "UNWIND $keys AS key MATCH (n:Indicator {code: key}) RETURN key, n {.code, .name, .nameEn, .unit, .higherIsBetter, .description, .descriptionEn} AS n",
  "UNWIND $keys AS key MATCH (n:Unit {code: key}) RETURN key, n {.code, .name, .nameEn, .kind} AS n",
  "UNWIND $keys AS key MATCH (n:Organization {id: key}) RETURN key, n {.id, .name, .nameEn, .kind, regionCode: [(n)-[:IN]->(x_reg:Region) | x_reg.code][0], citationIds: [(n)-[:CITED_BY]->(x_cit:Citation) | x_cit.id]} AS n",
  "UNWIND $keys AS key MATCH (n:Person {id: key}) RETURN key, n {.id, .name, .nameEn, positions: [(n)-[h:HOLDS_POSITION]->() | h {.title, .titleEn, .period, .region}], citationIds: [(n)-[:CITED_BY]->(x_cit:Citation) | x_cit.id]} AS n",
  "UNWIND $keys AS key MATCH (n:Principle {slug: key}) RETURN key, n {.slug, .name, .nameEn, .pinyin, .kind, .description, .descriptionEn} AS n",
]
`);
  });

  it('list short entities and the organisations of practices', () => {
    expect(statementOf(allOfQuery(PrincipleEntity, 'n.kind, n.slug'))).toMatchInlineSnapshot(`
{
  "cypher": "MATCH (n:Principle) RETURN n {.slug, .name, .nameEn, .pinyin, .kind, .description, .descriptionEn} AS n ORDER BY n.kind, n.slug",
  "params": {},
}
`);
    expect(statementOf(organizationsOfPracticesQuery(['p1']))).toMatchInlineSnapshot(`
{
  "cypher": "UNWIND $ids AS id MATCH (:Practice {id: id})-[:INVOLVES]->(o:Organization)
    WITH id, o ORDER BY o.id RETURN id AS key, collect(o {.id, .name, .nameEn, .kind, regionCode: [(o)-[:IN]->(x_reg:Region) | x_reg.code][0], citationIds: [(o)-[:CITED_BY]->(x_cit:Citation) | x_cit.id]}) AS orgs",
  "params": {
    "ids": [
      "p1",
    ],
  },
}
`);
  });

  it('derive a uniqueness constraint per key and an index per listed property', () => {
    const entities = [PrincipleEntity, { ...UnitEntity, indexes: ['kind'] }];
    expect(
      [...constraintStatements(entities), ...indexStatements(entities)].map((s) => s.cypher),
    ).toEqual([
      'CREATE CONSTRAINT principle_slug_unique IF NOT EXISTS FOR (n:Principle) REQUIRE n.slug IS UNIQUE',
      'CREATE CONSTRAINT unit_code_unique IF NOT EXISTS FOR (n:Unit) REQUIRE n.code IS UNIQUE',
      'CREATE INDEX unit_kind IF NOT EXISTS FOR (n:Unit) ON (n.kind)',
    ]);
  });
});
