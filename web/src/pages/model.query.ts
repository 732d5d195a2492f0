import {
  CITATION,
  type Connection,
  FIGURE,
  type FigureData,
  type ModelRef,
  PROVENANCE,
  type ProvenanceData,
  type RegionRef,
} from '../api/fragments';
import type { PracticeItem } from '../components/sections';

export const MODEL = `query Model($slug: String!) {
  model(slug: $slug) {
    slug name nameEn kind summary summaryEn aliases principlesComplete
    provenance { ...Prov }
    origin { year region { code name nameEn } provenance { ...Prov } }
    components { order note principle { slug name nameEn kind } }
    adopters { status started { value } region { code name nameEn } practice { key name nameEn } }
    parents { model { slug children { model { slug } } } }
    practices(first: 50) { totalCount edges { node { key name nameEn status category region { code name nameEn } } } }
    observations(first: 50) { totalCount edges { node { ...Figure } } }
  }
}
${PROVENANCE}
${CITATION}
${FIGURE}`;

export interface Component {
  readonly order: number;
  readonly note: string | null;
  readonly principle: ModelRef & { readonly kind: string };
}

export interface AdoptionData {
  readonly status: string;
  readonly started: { readonly value: string } | null;
  readonly region: RegionRef;
  readonly practice: {
    readonly key: string;
    readonly name: string;
    readonly nameEn: string | null;
  };
}

export interface ModelData {
  readonly model:
    | (ModelRef & {
        readonly kind: string;
        readonly summary: string | null;
        readonly summaryEn: string | null;
        readonly aliases: readonly string[];
        readonly principlesComplete: boolean | null;
        readonly provenance: ProvenanceData;
        readonly origin: {
          readonly year: number | null;
          readonly region: RegionRef | null;
          readonly provenance: ProvenanceData;
        } | null;
        readonly components: readonly Component[];
        readonly adopters: readonly AdoptionData[];
        readonly parents: ReadonlyArray<{
          readonly model: {
            readonly slug: string;
            readonly children: ReadonlyArray<{ readonly model: { readonly slug: string } }>;
          };
        }>;
        readonly practices: Connection<PracticeItem>;
        readonly observations: Connection<FigureData>;
      })
    | null;
}

/**
 * Models that share a parent with this one (its sibling variants), itself first; at most ten
 * (compareModels' limit).
 */
export function variantsOf(model: NonNullable<ModelData['model']>): string[] {
  const siblings = model.parents.flatMap((p) => p.model.children.map((c) => c.model.slug));
  return [...new Set([model.slug, ...siblings])].slice(0, 10);
}

export const VARIANTS = `query Variants($slugs: [String!]!) {
  compareModels(slugs: $slugs) {
    models { slug name nameEn }
    principleMatrix { principle { slug name nameEn } models { slug } }
    perModel { model { slug } onlyPrinciples { slug } }
  }
}`;

export interface VariantsData {
  readonly compareModels: {
    readonly models: readonly ModelRef[];
    readonly principleMatrix: ReadonlyArray<{
      readonly principle: ModelRef;
      readonly models: ReadonlyArray<{ readonly slug: string }>;
    }>;
    readonly perModel: ReadonlyArray<{
      readonly model: { readonly slug: string };
      readonly onlyPrinciples: ReadonlyArray<{ readonly slug: string }>;
    }>;
  };
}
