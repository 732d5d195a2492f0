import { toGlobalId } from '../common/global-id';
import { cypherInt } from '../db/convert';
import type { CypherQuery, Row } from '../db/executor';
import type { GovernanceModel, ModelKind } from './model.type';

export const MODEL_FIELDS = `m {.slug, .name, .nameEn, .pinyin, .aliases, .kind, .summary, .summaryEn, .principlesComplete, .editorial, .editorialBasis,
  citationIds: [(m)-[:CITED_BY]->(c:Citation) | c.id]}`;

export interface ModelRecord extends GovernanceModel {
  readonly citationIds: string[];
  readonly editorial: boolean;
  readonly editorialBasis: string | null;
}

export const toModel = (m: Row): ModelRecord =>
  ({
    __typename: 'GovernanceModel', id: toGlobalId('GovernanceModel', String(m.slug)), slug: String(m.slug), name: String(m.name), nameEn: String(m.nameEn),
    pinyin: String(m.pinyin ?? ''), aliases: (m.aliases as string[]) ?? [], kind: m.kind as ModelKind, summary: (m.summary as string) ?? null,
    summaryEn: (m.summaryEn as string) ?? null, principlesComplete: (m.principlesComplete as boolean) ?? null,
    citationIds: (m.citationIds as string[]) ?? [], editorial: Boolean(m.editorial), editorialBasis: (m.editorialBasis as string) ?? null,
  }) as unknown as ModelRecord;

export const modelsBySlugsQuery = (slugs: readonly string[]): CypherQuery => ({
  cypher: `UNWIND $slugs AS slug MATCH (m:GovernanceModel {slug: slug}) RETURN ${MODEL_FIELDS} AS m`,
  params: { slugs },
});

export const modelsOfPracticesQuery = (ids: readonly string[]): CypherQuery => ({
  cypher: `UNWIND $ids AS id MATCH (:Practice {id: id})-[:IMPLEMENTS]->(m:GovernanceModel)
    WITH id, m ORDER BY m.slug RETURN id AS key, collect(${MODEL_FIELDS}) AS models`,
  params: { ids },
});

export const modelsOfPrinciplesQuery = (slugs: readonly string[]): CypherQuery => ({
  cypher: `UNWIND $slugs AS slug MATCH (m:GovernanceModel)-[:HAS_PRINCIPLE]->(:Principle {slug: slug})
    WITH slug, m ORDER BY m.slug RETURN slug AS key, collect(${MODEL_FIELDS}) AS models`,
  params: { slugs },
});

/** Models adopted in a region (or below it), through their practices. */
export const modelsOfRegionsQuery = (keys: ReadonlyArray<{ code: string; includeSubregions: boolean }>): CypherQuery => ({
  cypher: `UNWIND range(0, size($keys) - 1) AS i
    WITH i, $keys[i] AS k
    OPTIONAL MATCH (m:GovernanceModel)<-[:IMPLEMENTS]-(:Practice)-[:IN]->(r:Region)
      WHERE r.code = k.code OR (k.includeSubregions AND r.code STARTS WITH k.code)
    WITH i, m ORDER BY m.slug
    WITH i, collect(DISTINCT ${MODEL_FIELDS}) AS models
    RETURN i AS key, [x IN models WHERE x.slug IS NOT NULL] AS models`,
  params: { keys },
});

export const componentsOfModelsQuery = (slugs: readonly string[]): CypherQuery => ({
  cypher: `UNWIND $slugs AS slug MATCH (:GovernanceModel {slug: slug})-[h:HAS_PRINCIPLE]->(p:Principle)
    WITH slug, h, p ORDER BY h.order
    RETURN slug AS key, collect({principle: p {.slug, .name, .nameEn, .pinyin, .kind, .description, .descriptionEn}, order: h.order, note: h.note,
      citationIds: h.citationIds, editorial: h.editorial, editorialBasis: h.editorialBasis}) AS components`,
  params: { slugs },
});

/** Lineage edges next to each model: `up` gives parents, otherwise children. */
export const lineageLinksQuery = (slugs: readonly string[], up: boolean): CypherQuery => ({
  cypher: `UNWIND $slugs AS slug MATCH (m:GovernanceModel {slug: slug})
    MATCH ${up ? '(m)-[d:DERIVED_FROM]->(o:GovernanceModel)' : '(m)<-[d:DERIVED_FROM]-(o:GovernanceModel)'}
    WITH slug, d, o ORDER BY o.slug
    RETURN slug AS key, collect({model: o {.slug, .name, .nameEn, .pinyin, .aliases, .kind, .summary, .summaryEn, .principlesComplete, .editorial, .editorialBasis,
      citationIds: [(o)-[:CITED_BY]->(c:Citation) | c.id]},
      relation: d.relation, since: d.since, note: d.note, citationIds: d.citationIds, editorial: d.editorial, editorialBasis: d.editorialBasis, editorialNote: d.editorialNote}) AS links`,
  params: { slugs },
});

export const originsOfModelsQuery = (slugs: readonly string[]): CypherQuery => ({
  cypher: `UNWIND $slugs AS slug MATCH (:GovernanceModel {slug: slug})-[o:ORIGINATED_IN]->(r:Region)
    RETURN slug AS key, {regionCode: r.code, year: o.year, citationIds: o.citationIds, editorial: o.editorial, editorialBasis: o.editorialBasis, editorialNote: o.editorialNote} AS origin`,
  params: { slugs },
});

/** Adoptions (practices and where) per model, ordered as a diffusion timeline: dated first, by date. */
export const adoptersOfModelsQuery = (slugs: readonly string[]): CypherQuery => ({
  cypher: `UNWIND $slugs AS slug MATCH (:GovernanceModel {slug: slug})<-[:IMPLEMENTS]-(p:Practice)-[:IN]->(r:Region)
    WITH slug, p, r ORDER BY p.startSort IS NULL, p.startSort, r.code, p.id
    RETURN slug AS key, collect({regionCode: r.code, practiceKey: p.id, status: p.status, startDate: p.startDate, startPrecision: p.startPrecision}) AS adoptions`,
  params: { slugs },
});

export interface ModelListFilter {
  readonly kind?: string | null;
  readonly principle?: string | null;
}

export const modelListQuery = (f: ModelListFilter, skip: number, limit: number): CypherQuery => ({
  cypher: `MATCH (m:GovernanceModel)
    WHERE ($kind IS NULL OR m.kind = $kind) AND ($principle IS NULL OR EXISTS { (m)-[:HAS_PRINCIPLE]->(:Principle {slug: $principle}) })
    WITH m ORDER BY m.slug
    WITH collect(${MODEL_FIELDS}) AS ordered
    RETURN size(ordered) AS total, ordered[$skip..$end] AS items`,
  params: { kind: f.kind ?? null, principle: f.principle ?? null, skip: cypherInt(skip), end: cypherInt(skip + limit + 1) },
});
