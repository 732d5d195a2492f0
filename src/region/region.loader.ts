import { perRequest } from '../core/context';
import { byKey } from '../core/entity';
import { keyedLoader, listLoader } from '../core/loader';
import type { Page } from '../core/pages';
import {
  type ChildrenKey,
  childrenPagesQuery,
  hostedZonesQuery,
  RegionEntity,
} from './region.repository';
import type { Region } from './region.type';

export const regionByCode = byKey(RegionEntity);

export const regionLoaders = perRequest((executor) => ({
  /** A page of a region's children per key, all in one statement. */
  children: keyedLoader<ChildrenKey, Page<Region>>(
    async (keys) =>
      (await executor.read(childrenPagesQuery(keys), 'region-children')).map(
        (r) => [keys[r.i]!, r] as const,
      ),
    (k) => `${k.code}|${k.skip}|${k.limit}`,
  ),
  /** The county-level zones each county hosts. */
  hostedZones: listLoader<string, Region>(async (codes) =>
    (await executor.read(hostedZonesQuery(codes), 'region-hosted-zones')).map(
      (r) => [r.key, r.zones] as const,
    ),
  ),
}));
