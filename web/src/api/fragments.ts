/** Fragments several pages read, and the shapes they answer with. */

export const CITATION = `fragment Cit on Citation { id quote offset length source { key title titleEn } }`;
export const PROVENANCE = `fragment Prov on Provenance { editorial basis note citations { ...Cit } }`;
export const FIGURE = `fragment Figure on Observation {
  key value unit reported period periodKind qualifier scope sourceKind note
  indicator { code name nameEn }
  region { code name nameEn }
  citations { ...Cit }
}`;

export interface CitationData {
  readonly id: string;
  readonly quote: string;
  readonly offset: number;
  readonly length: number;
  readonly source: {
    readonly key: string;
    readonly title: string;
    readonly titleEn: string | null;
  };
}

export interface ProvenanceData {
  readonly editorial: boolean;
  readonly basis: string | null;
  readonly note: string | null;
  readonly citations: readonly CitationData[];
}

export interface Named {
  readonly name: string;
  readonly nameEn: string | null;
}

export interface RegionRef extends Named {
  readonly code: string;
}

export interface ModelRef extends Named {
  readonly slug: string;
}

export interface FigureData {
  readonly key: string;
  readonly value: number;
  readonly unit: string;
  readonly reported: string;
  readonly period: string | null;
  readonly periodKind: string;
  readonly qualifier: string;
  readonly scope: string | null;
  readonly sourceKind: string;
  readonly note: string | null;
  readonly indicator: Named & { readonly code: string };
  readonly region: RegionRef;
  readonly citations: readonly CitationData[];
}

export interface Connection<T> {
  readonly totalCount: number;
  readonly edges: ReadonlyArray<{ readonly node: T }>;
}
