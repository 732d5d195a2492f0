import { statementOf } from '../../test/support/statement';
import { byKeysQuery } from '../core/entity';
import {
  adoptersOfModelsQuery,
  componentsOfModelsQuery,
  lineageLinksQuery,
  ModelEntity,
  modelListQuery,
  modelsOfPracticesQuery,
  modelsOfPrinciplesQuery,
  modelsOfRegionsQuery,
  originsOfModelsQuery,
} from './model.repository';

describe('model Cypher', () => {
  it('loads models by slug', () => {
    expect(statementOf(byKeysQuery(ModelEntity, ['fengqiao-experience']))).toMatchInlineSnapshot(`
{
  "cypher": "UNWIND $keys AS key MATCH (n:GovernanceModel {slug: key}) RETURN key, n {.slug, .name, .nameEn, .pinyin, .aliases, .kind, .summary, .summaryEn, .principlesComplete, .editorial, .editorialBasis, citationIds: [(n)-[:CITED_BY]->(x_cit:Citation) | x_cit.id]} AS n",
  "params": {
    "keys": [
      "fengqiao-experience",
    ],
  },
}
`);
  });

  it('finds the models of practices, principles and regions', () => {
    expect(statementOf(modelsOfPracticesQuery(['p1']))).toMatchInlineSnapshot(`
{
  "cypher": "UNWIND $ids AS id MATCH (:Practice {id: id})-[:IMPLEMENTS]->(m:GovernanceModel)
    WITH id, m ORDER BY m.slug RETURN id AS key, collect(m {.slug, .name, .nameEn, .pinyin, .aliases, .kind, .summary, .summaryEn, .principlesComplete, .editorial, .editorialBasis, citationIds: [(m)-[:CITED_BY]->(x_cit:Citation) | x_cit.id]}) AS models",
  "params": {
    "ids": [
      "p1",
    ],
  },
}
`);
    expect(statementOf(modelsOfPrinciplesQuery(['rule-of-law']))).toMatchInlineSnapshot(`
{
  "cypher": "UNWIND $slugs AS slug MATCH (m:GovernanceModel)-[:HAS_PRINCIPLE]->(:Principle {slug: slug})
    WITH slug, m ORDER BY m.slug RETURN slug AS key, collect(m {.slug, .name, .nameEn, .pinyin, .aliases, .kind, .summary, .summaryEn, .principlesComplete, .editorial, .editorialBasis, citationIds: [(m)-[:CITED_BY]->(x_cit:Citation) | x_cit.id]}) AS models",
  "params": {
    "slugs": [
      "rule-of-law",
    ],
  },
}
`);
    expect(statementOf(modelsOfRegionsQuery([{ code: '530103', includeSubregions: true }])))
      .toMatchInlineSnapshot(`
{
  "cypher": "UNWIND range(0, size($keys) - 1) AS i
    WITH i, $keys[i] AS k
    OPTIONAL MATCH (m:GovernanceModel)<-[:IMPLEMENTS]-(:Practice)-[:IN]->(r:Region)
      WHERE r.code = k.code OR (k.includeSubregions AND r.code STARTS WITH k.code AND (r.zone IS NULL OR size(k.code) <> 6))
    WITH i, m ORDER BY m.slug
    WITH i, collect(DISTINCT m {.slug, .name, .nameEn, .pinyin, .aliases, .kind, .summary, .summaryEn, .principlesComplete, .editorial, .editorialBasis, citationIds: [(m)-[:CITED_BY]->(x_cit:Citation) | x_cit.id]}) AS models
    RETURN i, [x IN models WHERE x.slug IS NOT NULL] AS models",
  "params": {
    "keys": [
      {
        "code": "530103",
        "includeSubregions": true,
      },
    ],
  },
}
`);
  });

  it('reads components, lineage links, origins and adopters', () => {
    expect(statementOf(componentsOfModelsQuery(['m']))).toMatchInlineSnapshot(`
{
  "cypher": "UNWIND $slugs AS slug MATCH (:GovernanceModel {slug: slug})-[h:HAS_PRINCIPLE]->(p:Principle)
    WITH slug, h, p ORDER BY h.order
    RETURN slug AS key, collect({principle: p {.slug, .name, .nameEn, .pinyin, .kind, .description, .descriptionEn}, order: h.order, note: h.note, provenance: {citationIds: h.citationIds, editorial: h.editorial, editorialBasis: h.editorialBasis, editorialNote: h.editorialNote}}) AS components",
  "params": {
    "slugs": [
      "m",
    ],
  },
}
`);
    expect(statementOf(lineageLinksQuery(['m'], true)).cypher).toContain(
      '(m)-[d:DERIVED_FROM]->(o:GovernanceModel)',
    );
    expect(statementOf(lineageLinksQuery(['m'], false))).toMatchInlineSnapshot(`
{
  "cypher": "UNWIND $slugs AS slug MATCH (m:GovernanceModel {slug: slug})
    MATCH (m)<-[d:DERIVED_FROM]-(o:GovernanceModel)
    WITH slug, d, o ORDER BY o.slug
    RETURN slug AS key, collect({model: o {.slug, .name, .nameEn, .pinyin, .aliases, .kind, .summary, .summaryEn, .principlesComplete, .editorial, .editorialBasis, citationIds: [(o)-[:CITED_BY]->(x_cit:Citation) | x_cit.id]}, relation: d.relation, since: d.since, note: d.note, provenance: {citationIds: d.citationIds, editorial: d.editorial, editorialBasis: d.editorialBasis, editorialNote: d.editorialNote}}) AS links",
  "params": {
    "slugs": [
      "m",
    ],
  },
}
`);
    expect(statementOf(originsOfModelsQuery(['m']))).toMatchInlineSnapshot(`
{
  "cypher": "UNWIND $slugs AS slug MATCH (:GovernanceModel {slug: slug})-[o:ORIGINATED_IN]->(r:Region)
    RETURN slug AS key, {regionCode: r.code, year: o.year, provenance: {citationIds: o.citationIds, editorial: o.editorial, editorialBasis: o.editorialBasis, editorialNote: o.editorialNote}} AS origin",
  "params": {
    "slugs": [
      "m",
    ],
  },
}
`);
    expect(statementOf(adoptersOfModelsQuery(['m']))).toMatchInlineSnapshot(`
{
  "cypher": "UNWIND $slugs AS slug MATCH (:GovernanceModel {slug: slug})<-[:IMPLEMENTS]-(p:Practice)-[:IN]->(r:Region)
    WITH slug, p, r ORDER BY p.startSort IS NULL, p.startSort, r.code, p.id
    RETURN slug AS key, collect({regionCode: r.code, practiceKey: p.id, status: p.status, startDate: p.startDate, startPrecision: p.startPrecision}) AS adoptions",
  "params": {
    "slugs": [
      "m",
    ],
  },
}
`);
  });

  it('lists models by kind and principle', () => {
    expect(statementOf(modelListQuery({ kind: 'EXPERIENCE', principle: null }, 20, 20)))
      .toMatchInlineSnapshot(`
{
  "cypher": "MATCH (m:GovernanceModel)
    WHERE ($kind IS NULL OR m.kind = $kind) AND ($principle IS NULL OR EXISTS { (m)-[:HAS_PRINCIPLE]->(:Principle {slug: $principle}) })
    WITH m ORDER BY m.slug
    WITH collect(m {.slug, .name, .nameEn, .pinyin, .aliases, .kind, .summary, .summaryEn, .principlesComplete, .editorial, .editorialBasis, citationIds: [(m)-[:CITED_BY]->(x_cit:Citation) | x_cit.id]}) AS ordered
    RETURN size(ordered) AS total, ordered[$skip..$end] AS items",
  "params": {
    "end": "int(41)",
    "kind": "EXPERIENCE",
    "principle": null,
    "skip": "int(20)",
  },
}
`);
  });
});
