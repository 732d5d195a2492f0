import { CITATION, type CitationData, type ModelRef, type RegionRef } from '../api/fragments';

export const COMPARE = `query Compare($slugs: [String!]!) {
  compareModels(slugs: $slugs) {
    sharedPrinciples { slug name nameEn }
    perModel {
      model { slug name nameEn kind }
      principles { slug name nameEn }
      onlyPrinciples { slug name nameEn }
      practiceCount
      adopters { status started { value } region { code name nameEn } }
    }
    figures {
      indicator { code name nameEn }
      comparable notes
      figures { model { slug name nameEn } observation { key value unit reported period periodKind region { code name nameEn } citations { ...Cit } } }
    }
  }
}
${CITATION}`;

export interface CompareData {
  readonly compareModels: {
    readonly sharedPrinciples: readonly ModelRef[];
    readonly perModel: ReadonlyArray<{
      readonly model: ModelRef & { readonly kind: string };
      readonly principles: readonly ModelRef[];
      readonly onlyPrinciples: readonly ModelRef[];
      readonly practiceCount: number;
      readonly adopters: ReadonlyArray<{
        readonly status: string;
        readonly started: { readonly value: string } | null;
        readonly region: RegionRef;
      }>;
    }>;
    readonly figures: ReadonlyArray<{
      readonly indicator: ModelRef & { readonly code: string };
      readonly comparable: boolean;
      readonly notes: readonly string[];
      readonly figures: ReadonlyArray<{
        readonly model: ModelRef;
        readonly observation: {
          readonly key: string;
          readonly value: number;
          readonly unit: string;
          readonly reported: string;
          readonly period: string | null;
          readonly periodKind: string;
          readonly region: RegionRef;
          readonly citations: readonly CitationData[];
        };
      }>;
    }>;
  };
}

/** The models named in `?m=a,b`: at most four, no repeats. */
export const slugsFrom = (param: string | null): string[] =>
  [
    ...new Set(
      (param ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ].slice(0, 4);
