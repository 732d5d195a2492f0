import { z } from 'zod';
import { edgeProvenance, provenance } from '../citation/citation.repository';
import { cypherInt } from '../core/db/convert';
import { flag, lazy, num, oneOf, optNum, optOneOf, optText, text } from '../core/db/decode';
import type { DecodedQuery } from '../core/db/executor';
import { citedBy, type Entity, lazyByName, projector } from '../core/entity';
import { toGlobalId } from '../core/global-id';
import type { Page } from '../core/pages';
import {
  DATE_PRECISIONS,
  LINEAGE_RELATIONS,
  MODEL_KINDS,
  PRACTICE_STATUSES,
} from '../core/vocabulary';
import { PrincipleEntity } from '../principle/principle.repository';
import { rollsUpInto } from '../region/region-rollup';
import type { GovernanceModel, LineageLink, ModelComponent } from './model.type';

const PROPS = [
  'slug',
  'name',
  'nameEn',
  'pinyin',
  'aliases',
  'kind',
  'summary',
  'summaryEn',
  'principlesComplete',
  'editorial',
  'editorialBasis',
] as const;

const modelRow = z.object({
  slug: text,
  name: lazy.text,
  nameEn: lazy.text,
  pinyin: lazy.optText,
  aliases: lazy.texts,
  kind: oneOf(MODEL_KINDS),
  summary: lazy.optText,
  summaryEn: lazy.optText,
  principlesComplete: flag,
  editorial: flag,
  editorialBasis: lazy.optText,
  citationIds: lazy.texts,
});

export const ModelEntity: Entity<GovernanceModel> = {
  label: 'GovernanceModel',
  key: 'slug',
  node: true,
  projection: projector(PROPS, (v) => ({ citationIds: citedBy(v) }), {
    ...lazyByName(['summary', 'summaryEn', 'pinyin']),
    ...lazyByName(['name', 'nameEn']),
    aliases: { fields: ['aliases'] },
    editorialBasis: { fields: ['provenance'] },
    citationIds: { fields: ['citations', 'provenance'] },
  }),
  decode: modelRow.transform(
    // Property by property: rest and spread copies cost several times more on this hot path.
    (m): GovernanceModel => ({
      __typename: 'GovernanceModel',
      id: toGlobalId('GovernanceModel', m.slug),
      slug: m.slug,
      name: m.name ?? '',
      nameEn: m.nameEn ?? '',
      pinyin: m.pinyin ?? '',
      aliases: m.aliases ?? [],
      kind: m.kind,
      summary: m.summary ?? null,
      summaryEn: m.summaryEn ?? null,
      principlesComplete: m.principlesComplete,
      provenance: {
        citationIds: m.citationIds ?? [],
        editorial: m.editorial ?? false,
        basis: m.editorialBasis ?? null,
        note: null,
      },
    }),
  ),
};

const model = (v: string) => ModelEntity.projection(v);
const modelsByKey = z.object({ key: text, models: z.array(ModelEntity.decode) });

export const modelsOfPracticesQuery = (
  ids: readonly string[],
): DecodedQuery<z.output<typeof modelsByKey>> => ({
  cypher: `UNWIND $ids AS id MATCH (:Practice {id: id})-[:IMPLEMENTS]->(m:GovernanceModel)
    WITH id, m ORDER BY m.slug RETURN id AS key, collect(${model('m')}) AS models`,
  params: { ids },
  row: modelsByKey,
});

export const modelsOfPrinciplesQuery = (
  slugs: readonly string[],
): DecodedQuery<z.output<typeof modelsByKey>> => ({
  cypher: `UNWIND $slugs AS slug MATCH (m:GovernanceModel)-[:HAS_PRINCIPLE]->(:Principle {slug: slug})
    WITH slug, m ORDER BY m.slug RETURN slug AS key, collect(${model('m')}) AS models`,
  params: { slugs },
  row: modelsByKey,
});

export interface RegionModelsKey {
  readonly code: string;
  readonly includeSubregions: boolean;
}

const MODELS_BY_INDEX = z.object({ i: num, models: z.array(ModelEntity.decode) });

/** Models adopted in a region (or below it), through their practices. */
export const modelsOfRegionsQuery = (
  keys: readonly RegionModelsKey[],
): DecodedQuery<{ i: number; models: GovernanceModel[] }> => ({
  cypher: `UNWIND range(0, size($keys) - 1) AS i
    WITH i, $keys[i] AS k
    OPTIONAL MATCH (m:GovernanceModel)<-[:IMPLEMENTS]-(:Practice)-[:IN]->(r:Region)
      WHERE r.code = k.code OR (k.includeSubregions AND ${rollsUpInto('r', 'k.code')})
    WITH i, m ORDER BY m.slug
    WITH i, collect(DISTINCT ${model('m')}) AS models
    RETURN i, [x IN models WHERE x.slug IS NOT NULL] AS models`,
  params: { keys },
  row: MODELS_BY_INDEX,
});

const component = z.object({
  principle: PrincipleEntity.decode,
  order: num,
  note: optText,
  provenance,
});
export const COMPONENTS = z.array(component);

const COMPONENTS_BY_KEY = z.object({ key: text, components: COMPONENTS });

/**
 * A model's components (principle, order, note, provenance) for the model bound to `v`, in its
 * source's order.
 */
export const componentsExpression = (
  v: string,
  h: string,
  p: string,
  principleFields?: ReadonlySet<string>,
) =>
  `COLLECT { MATCH (${v})-[${h}:HAS_PRINCIPLE]->(${p}:Principle) WITH ${h}, ${p} ORDER BY ${h}.order
    RETURN {principle: ${PrincipleEntity.projection(p, principleFields)}, order: ${h}.order, note: ${h}.note, provenance: ${edgeProvenance(h)}} }`;

export const componentsOfModelsQuery = (
  slugs: readonly string[],
): DecodedQuery<{ key: string; components: ModelComponent[] }> => ({
  cypher: `UNWIND $slugs AS slug MATCH (:GovernanceModel {slug: slug})-[h:HAS_PRINCIPLE]->(p:Principle)
    WITH slug, h, p ORDER BY h.order
    RETURN slug AS key, collect({principle: ${PrincipleEntity.projection('p')}, order: h.order, note: h.note, provenance: ${edgeProvenance('h')}}) AS components`,
  params: { slugs },
  row: COMPONENTS_BY_KEY,
});

const link = z.object({
  model: ModelEntity.decode,
  relation: oneOf(LINEAGE_RELATIONS),
  since: optNum,
  note: optText,
  provenance,
});

const LINKS_BY_KEY = z.object({ key: text, links: z.array(link) });

/** Lineage edges next to each model: `up` gives parents, otherwise children. */
export const lineageLinksQuery = (
  slugs: readonly string[],
  up: boolean,
): DecodedQuery<{ key: string; links: LineageLink[] }> => ({
  cypher: `UNWIND $slugs AS slug MATCH (m:GovernanceModel {slug: slug})
    MATCH ${up ? '(m)-[d:DERIVED_FROM]->(o:GovernanceModel)' : '(m)<-[d:DERIVED_FROM]-(o:GovernanceModel)'}
    WITH slug, d, o ORDER BY o.slug
    RETURN slug AS key, collect({model: ${model('o')}, relation: d.relation, since: d.since, note: d.note, provenance: ${edgeProvenance('d')}}) AS links`,
  params: { slugs },
  row: LINKS_BY_KEY,
});

const origin = z.object({ regionCode: optText, year: optNum, provenance });
export type OriginRecord = z.output<typeof origin>;

const ORIGIN_BY_KEY = z.object({ key: text, origin });

export const originsOfModelsQuery = (
  slugs: readonly string[],
): DecodedQuery<{ key: string; origin: OriginRecord }> => ({
  cypher: `UNWIND $slugs AS slug MATCH (:GovernanceModel {slug: slug})-[o:ORIGINATED_IN]->(r:Region)
    RETURN slug AS key, {regionCode: r.code, year: o.year, provenance: ${edgeProvenance('o')}} AS origin`,
  params: { slugs },
  row: ORIGIN_BY_KEY,
});

const adoption = z.object({
  regionCode: text,
  practiceKey: text,
  status: oneOf(PRACTICE_STATUSES),
  startDate: optText,
  startPrecision: optOneOf(DATE_PRECISIONS),
});
export type AdoptionRecord = z.output<typeof adoption>;

const ADOPTIONS_BY_KEY = z.object({ key: text, adoptions: z.array(adoption) });

/**
 * Adoptions (practices and where) per model, ordered as a diffusion timeline: dated first, by date.
 */
export const adoptersOfModelsQuery = (
  slugs: readonly string[],
): DecodedQuery<{ key: string; adoptions: AdoptionRecord[] }> => ({
  cypher: `UNWIND $slugs AS slug MATCH (:GovernanceModel {slug: slug})<-[:IMPLEMENTS]-(p:Practice)-[:IN]->(r:Region)
    WITH slug, p, r ORDER BY p.startSort IS NULL, p.startSort, r.code, p.id
    RETURN slug AS key, collect({regionCode: r.code, practiceKey: p.id, status: p.status, startDate: p.startDate, startPrecision: p.startPrecision}) AS adoptions`,
  params: { slugs },
  row: ADOPTIONS_BY_KEY,
});

export interface ModelListFilter {
  readonly kind?: string | null;
  readonly principle?: string | null;
}

const MODEL_PAGE = z.object({ total: num, items: z.array(ModelEntity.decode) });

export const modelListQuery = (
  f: ModelListFilter,
  skip: number,
  limit: number,
): DecodedQuery<Page<GovernanceModel>> => ({
  cypher: `MATCH (m:GovernanceModel)
    WHERE ($kind IS NULL OR m.kind = $kind) AND ($principle IS NULL OR EXISTS { (m)-[:HAS_PRINCIPLE]->(:Principle {slug: $principle}) })
    WITH m ORDER BY m.slug
    WITH collect(${model('m')}) AS ordered
    RETURN size(ordered) AS total, ordered[$skip..$end] AS items`,
  params: {
    kind: f.kind ?? null,
    principle: f.principle ?? null,
    skip: cypherInt(skip),
    end: cypherInt(skip + limit + 1),
  },
  row: MODEL_PAGE,
});
