import {
  CITATION,
  type Connection,
  FIGURE,
  type FigureData,
  type ModelRef,
  type RegionRef,
} from '../api/fragments';
import type { PracticeItem } from '../components/sections';

export const REGION = `query Region($code: String!, $sub: Boolean!) {
  region(code: $code) {
    code name nameEn officialName kind level autonomous ethnicGroups note
    ancestors { code name nameEn }
    countyLevelZone { basis host { code name nameEn } }
    modelsAdopted(includeSubregions: $sub) { slug name nameEn }
    practices(includeSubregions: $sub, first: 50) { totalCount edges { node { key name nameEn status category region { code name nameEn } } } }
    observations(includeSubregions: $sub, first: 50) { totalCount edges { node { ...Figure } } }
  }
}
${FIGURE}
${CITATION}`;

export interface RegionData {
  readonly region:
    | (RegionRef & {
        readonly officialName: string;
        readonly kind: string;
        readonly level: string;
        readonly autonomous: boolean;
        readonly ethnicGroups: readonly string[];
        readonly note: string | null;
        readonly ancestors: readonly RegionRef[];
        readonly countyLevelZone: { readonly basis: string; readonly host: RegionRef } | null;
        readonly modelsAdopted: readonly ModelRef[];
        readonly practices: Connection<PracticeItem>;
        readonly observations: Connection<FigureData>;
      })
    | null;
}

/** One level of the hierarchy, loaded when a branch is opened. */
export const CHILDREN = `query Children($code: String!) {
  region(code: $code) { children(first: 100) { totalCount edges { node { code name nameEn kind children(first: 1) { totalCount } } } } }
}`;

export interface ChildRegion extends RegionRef {
  readonly kind: string;
  readonly children: { readonly totalCount: number };
}

export interface ChildrenData {
  readonly region: { readonly children: Connection<ChildRegion> } | null;
}
