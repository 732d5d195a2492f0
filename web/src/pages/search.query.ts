import type { ModelRef } from '../api/fragments';

export const SEARCH = `query Search($text: String!) {
  search(text: $text, first: 20) {
    type id name nameEn snippet
    node { ... on Organization { region { code } } }
  }
}`;

export interface SearchHit {
  readonly type: 'MODEL' | 'PRACTICE' | 'PRINCIPLE' | 'REGION' | 'ORGANIZATION';
  readonly id: string;
  readonly name: string;
  readonly nameEn: string | null;
  readonly snippet: string;
  readonly node: { readonly region?: { readonly code: string } | null };
}

export interface SearchData {
  readonly search: readonly SearchHit[];
}

export const MODELS = `query Models { models(first: 100) { totalCount edges { node { slug name nameEn kind } } } }`;

export interface ModelsData {
  readonly models: {
    readonly totalCount: number;
    readonly edges: ReadonlyArray<{ readonly node: ModelRef & { readonly kind: string } }>;
  };
}
