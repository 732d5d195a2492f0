import { type Context, perRequest } from '../core/context';
import { byKey } from '../core/entity';
import { keyedLoader, listLoader, loadExisting, rowsByKey } from '../core/loader';
import { toPartialDate } from '../core/partial-date.type';
import type { Principle } from '../principle/principle.type';
import { regionByCode } from '../region/region.loader';
import type { Region } from '../region/region.type';
import {
  adoptersOfModelsQuery,
  type AdoptionRecord,
  componentsOfModelsQuery,
  lineageLinksQuery,
  ModelEntity,
  modelsOfPracticesQuery,
  modelsOfPrinciplesQuery,
  modelsOfRegionsQuery,
  originsOfModelsQuery,
  type RegionModelsKey,
} from './model.repository';
import type { Adoption, GovernanceModel } from './model.type';

export const modelBySlug = byKey(ModelEntity);

/** Per-request loaders of what hangs off a model (and of the models of other things). */
export const modelLoaders = perRequest((executor) => ({
  ofPractice: listLoader(
    rowsByKey(executor, 'practice-models', modelsOfPracticesQuery, (r) => r.models),
  ),
  ofPrinciple: listLoader(
    rowsByKey(executor, 'principle-models', modelsOfPrinciplesQuery, (r) => r.models),
  ),
  ofRegion: listLoader<RegionModelsKey, GovernanceModel>(
    async (keys) =>
      (await executor.read(modelsOfRegionsQuery(keys), 'region-models')).map(
        (r) => [keys[r.i]!, r.models] as const,
      ),
    (k) => `${k.code}|${k.includeSubregions}`,
  ),
  components: listLoader(
    rowsByKey(executor, 'model-components', componentsOfModelsQuery, (r) => r.components),
  ),
  parents: listLoader(
    rowsByKey(
      executor,
      'model-parents',
      (slugs) => lineageLinksQuery(slugs, true),
      (r) => r.links,
    ),
  ),
  children: listLoader(
    rowsByKey(
      executor,
      'model-children',
      (slugs) => lineageLinksQuery(slugs, false),
      (r) => r.links,
    ),
  ),
  origin: keyedLoader(rowsByKey(executor, 'model-origins', originsOfModelsQuery, (r) => r.origin)),
  adoptions: listLoader(
    rowsByKey(executor, 'model-adopters', adoptersOfModelsQuery, (r) => r.adoptions),
  ),
}));

/** A model's principles in its source's order. */
export async function loadPrinciples(ctx: Context, slug: string): Promise<Principle[]> {
  return (await modelLoaders(ctx).components.load(slug)).map((c) => c.principle);
}

/** A model's adoptions as a diffusion timeline, each with its region. */
export async function loadAdoptions(ctx: Context, slug: string): Promise<Adoption[]> {
  const rows = await modelLoaders(ctx).adoptions.load(slug);
  const regions = await loadExisting(
    regionByCode(ctx),
    rows.map((r) => r.regionCode),
    'Region',
    `an adoption of ${slug}`,
  );
  return rows.map((r, i) => toAdoption(r, regions[i]!));
}

/** An adoption record with its region, as the API shows it. */
export const toAdoption = (r: Omit<AdoptionRecord, 'regionCode'>, region: Region): Adoption => ({
  region,
  practiceKey: r.practiceKey,
  status: r.status,
  started: toPartialDate(r.startDate, r.startPrecision),
});
