import { CITATION, type FigureData, type RegionRef } from '../api/fragments';

export const CITIES = `query Cities { regions(filter: { within: "53", level: PREFECTURE }, first: 50) { edges { node { code name nameEn } } } }`;

export interface CitiesData {
  readonly regions: { readonly edges: ReadonlyArray<{ readonly node: RegionRef }> };
}

/** Which indicators a city's counties report: one page of figures, indicator and county only. */
export const CITY_INDICATORS = `query CityIndicators($city: String!, $after: String) {
  observations(filter: { regionCode: $city, includeSubregions: true }, first: 100, after: $after) {
    edges { node { indicator { code name nameEn } region { countyLevelUnit { code } } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

export interface CityIndicatorsData {
  readonly observations: {
    readonly edges: ReadonlyArray<{
      readonly node: {
        readonly indicator: RegionRef;
        readonly region: { readonly countyLevelUnit: { readonly code: string } | null };
      };
    }>;
    readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor: string | null };
  };
}

export const CHART = `query Chart($city: String!, $indicator: String!) {
  indicator(code: $indicator) { code name nameEn unit { name nameEn } }
  observations(filter: { regionCode: $city, includeSubregions: true, indicator: $indicator }, first: 100, orderBy: { field: VALUE, direction: DESC }) {
    edges { node {
      key value unit reported period periodKind qualifier scope sourceKind note
      indicator { code name nameEn }
      region { code name nameEn countyLevelUnit { code name nameEn } }
      citations { ...Cit }
    } }
  }
}
${CITATION}`;

export type ChartFigure = FigureData & {
  readonly region: RegionRef & { readonly countyLevelUnit: RegionRef | null };
};

export interface ChartData {
  readonly indicator: {
    readonly code: string;
    readonly name: string;
    readonly nameEn: string | null;
    readonly unit: { readonly name: string; readonly nameEn: string };
  } | null;
  readonly observations: { readonly edges: ReadonlyArray<{ readonly node: ChartFigure }> };
}
