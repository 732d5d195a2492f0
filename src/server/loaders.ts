import type DataLoader from 'dataloader';
import { keyedLoader, listLoader } from '../common/loader';
import { findCitations, findSources } from '../citation/citation.repository';
import type { Citation, Source } from '../citation/citation.type';
import type { Executor, Row } from '../db/executor';
import { indicatorsByCodesQuery, toIndicator, toUnit, unitsByCodesQuery } from '../indicator/indicator.repository';
import type { Indicator, Unit } from '../indicator/indicator.type';
import {
  adoptersOfModelsQuery, componentsOfModelsQuery, lineageLinksQuery, modelsBySlugsQuery, modelsOfPracticesQuery, modelsOfPrinciplesQuery,
  modelsOfRegionsQuery, originsOfModelsQuery, toModel, type ModelRecord,
} from '../model/model.repository';
import { observationPagesQuery, observationsByIdsQuery, toObservation, type ObservationPageKey } from '../observation/observation.repository';
import type { Observation } from '../observation/observation.type';
import { organizationsByIdsQuery, organizationsOfPracticesQuery, peopleByIdsQuery, toOrganization, toPerson } from '../organization/organization.repository';
import type { Organization, Person } from '../organization/organization.type';
import { practicePagesQuery, practicesByIdsQuery, toPractice, type PracticePageKey } from '../practice/practice.repository';
import type { Practice } from '../practice/practice.type';
import { principlesBySlugsQuery, toPrinciple } from '../principle/principle.repository';
import type { Principle } from '../principle/principle.type';
import { childrenPagesQuery, findRegions, toRegion, type ChildrenKey } from '../region/region.repository';
import type { Region } from '../region/region.type';

export interface Page<T> {
  readonly items: T[];
  readonly total: number;
}

/** Per-request loaders: one batch query per kind of relation per level of the query tree. */
export function createLoaders(executor: Executor) {
  const rows = (q: Parameters<Executor['read']>[0], label: string) => executor.read(q, label);
  /** A one-to-many loader over a query returning rows `{ key, <value>: [...] }`. */
  const byKey = <V>(label: string, value: string, map: (r: Row) => V, query: (keys: readonly string[]) => Parameters<Executor['read']>[0]) =>
    listLoader<string, V>(async (keys) => (await rows(query(keys), label)).map((r) => [String(r.key), ((r[value] as Row[]) ?? []).map(map)] as const));

  /** Pages of a filtered connection, grouped by ordering (ORDER BY is code, not a parameter). */
  function pageLoader<K extends { order: object }, T>(label: string, query: (keys: readonly K[], order: K['order']) => Parameters<Executor['read']>[0], map: (r: Row) => T): DataLoader<K, Page<T>, string> {
    return keyedLoader<K, Page<T>>(
      async (keys) => {
        const groups = new Map<string, K[]>();
        for (const k of keys) groups.set(JSON.stringify(k.order), [...(groups.get(JSON.stringify(k.order)) ?? []), k]);
        const out: Array<readonly [K, Page<T>]> = [];
        for (const group of groups.values()) {
          const result = await rows(query(group, group[0]!.order), label);
          for (const r of result) out.push([group[Number(r.i)]!, { items: ((r.items as Row[]) ?? []).map(map), total: Number(r.total) }]);
        }
        return out;
      },
      (k) => JSON.stringify(k),
    ) as unknown as DataLoader<K, Page<T>, string>;
  }

  return {
    region: keyedLoader<string, Region>((codes) => findRegions(executor, codes)),
    regionChildren: keyedLoader<ChildrenKey, Page<Region>>(
      async (keys) =>
        (await rows(childrenPagesQuery(keys), 'region-children')).map((r) => {
          const k = r.k as ChildrenKey;
          return [k, { items: ((r.items as Row[]) ?? []).map(toRegion), total: Number(r.total) }] as const;
        }),
      (k) => `${k.code}|${k.skip}|${k.limit}`,
    ),
    modelsOfRegion: listLoader<{ code: string; includeSubregions: boolean }, ModelRecord>(
      async (keys) => (await rows(modelsOfRegionsQuery(keys), 'region-models')).map((r) => [keys[Number(r.key)]!, ((r.models as Row[]) ?? []).map(toModel)] as const),
      (k) => `${k.code}|${k.includeSubregions}`,
    ),
    model: keyedLoader<string, ModelRecord>(async (slugs) => (await rows(modelsBySlugsQuery(slugs), 'models')).map((r) => [String((r.m as Row).slug), toModel(r.m as Row)] as const)),
    modelsOfPractice: byKey<ModelRecord>('practice-models', 'models', toModel, (ids) => modelsOfPracticesQuery(ids)),
    modelsOfPrinciple: byKey<ModelRecord>('principle-models', 'models', toModel, (slugs) => modelsOfPrinciplesQuery(slugs)),
    components: byKey<Row>('model-components', 'components', (r) => r, (slugs) => componentsOfModelsQuery(slugs)),
    parents: byKey<Row>('model-parents', 'links', (r) => r, (slugs) => lineageLinksQuery(slugs, true)),
    children: byKey<Row>('model-children', 'links', (r) => r, (slugs) => lineageLinksQuery(slugs, false)),
    origin: keyedLoader<string, Row>(async (slugs) => (await rows(originsOfModelsQuery(slugs), 'model-origins')).map((r) => [String(r.key), r.origin as Row] as const)),
    adoptions: byKey<Row>('model-adopters', 'adoptions', (r) => r, (slugs) => adoptersOfModelsQuery(slugs)),
    principle: keyedLoader<string, Principle>(async (slugs) => (await rows(principlesBySlugsQuery(slugs), 'principles')).map((r) => [String((r.p as Row).slug), toPrinciple(r.p as Row)] as const)),
    practice: keyedLoader<string, Practice>(async (ids) => (await rows(practicesByIdsQuery(ids), 'practices')).map((r) => [String((r.p as Row).id), toPractice(r.p as Row)] as const)),
    practicePages: pageLoader<PracticePageKey, Practice>('practice-pages', practicePagesQuery, toPractice),
    organizationsOfPractice: byKey<Organization>('practice-organizations', 'orgs', toOrganization, (ids) => organizationsOfPracticesQuery(ids)),
    organization: keyedLoader<string, Organization>(async (ids) => (await rows(organizationsByIdsQuery(ids), 'organizations')).map((r) => [String((r.o as Row).id), toOrganization(r.o as Row)] as const)),
    person: keyedLoader<string, Person>(async (ids) => (await rows(peopleByIdsQuery(ids), 'people')).map((r) => [String((r.p as Row).id), toPerson(r.p as Row)] as const)),
    observation: keyedLoader<string, Observation>(async (ids) => (await rows(observationsByIdsQuery(ids), 'observations')).map((r) => [String((r.o as Row).id), toObservation(r.o as Row)] as const)),
    observationPages: pageLoader<ObservationPageKey, Observation>('observation-pages', observationPagesQuery, toObservation),
    indicator: keyedLoader<string, Indicator>(async (codes) => (await rows(indicatorsByCodesQuery(codes), 'indicators')).map((r) => [String((r.i as Row).code), toIndicator(r.i as Row)] as const)),
    unit: keyedLoader<string, Unit>(async (codes) => (await rows(unitsByCodesQuery(codes), 'units')).map((r) => [String((r.u as Row).code), toUnit(r.u as Row)] as const)),
    citation: keyedLoader<string, Citation>((ids) => findCitations(executor, ids)),
    source: keyedLoader<string, Source>((ids) => findSources(executor, ids)),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
