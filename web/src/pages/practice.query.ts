import {
  CITATION,
  type CitationData,
  type Connection,
  FIGURE,
  type FigureData,
  type ModelRef,
  type RegionRef,
} from '../api/fragments';

export const PRACTICE = `query Practice($key: String!, $id: ID!) {
  practice(id: $key) {
    key name nameEn description descriptionEn category status scale scaleEn site siteEn
    started { value }
    region { code name nameEn ancestors { code name nameEn } }
    models { slug name nameEn }
    organizations { key name nameEn kind }
    citations { ...Cit }
    observations(first: 50) { totalCount edges { node { ...Figure } } }
  }
  comparablePilots(practiceId: $id, first: 8) { score reasons practice { key name nameEn region { code name nameEn } } }
}
${FIGURE}
${CITATION}`;

export interface PracticeData {
  readonly practice: {
    readonly key: string;
    readonly name: string;
    readonly nameEn: string | null;
    readonly description: string | null;
    readonly descriptionEn: string | null;
    readonly category: string;
    readonly status: string;
    readonly scale: string | null;
    readonly scaleEn: string | null;
    readonly site: string | null;
    readonly siteEn: string | null;
    readonly started: { readonly value: string } | null;
    readonly region: RegionRef & { readonly ancestors: readonly RegionRef[] };
    readonly models: readonly ModelRef[];
    readonly organizations: ReadonlyArray<{
      readonly key: string;
      readonly name: string;
      readonly nameEn: string | null;
      readonly kind: string;
    }>;
    readonly citations: readonly CitationData[];
    readonly observations: Connection<FigureData>;
  } | null;
  readonly comparablePilots: ReadonlyArray<{
    readonly score: number;
    readonly reasons: readonly string[];
    readonly practice: {
      readonly key: string;
      readonly name: string;
      readonly nameEn: string | null;
      readonly region: RegionRef;
    };
  }>;
}
