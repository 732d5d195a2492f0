import { CITATION, type ModelRef, PROVENANCE, type ProvenanceData } from '../api/fragments';

export const LINEAGE = `query Lineage($slug: String!) {
  lineage(slug: $slug, direction: BOTH, maxDepth: 3) {
    root { slug }
    nodes { slug name nameEn kind }
    edges { from { slug } to { slug } relation since provenance { ...Prov } }
  }
}
${PROVENANCE}
${CITATION}`;

export interface LineageEdgeData {
  readonly from: { readonly slug: string };
  readonly to: { readonly slug: string };
  readonly relation: string;
  readonly since: number | null;
  readonly provenance: ProvenanceData;
}

export interface LineageData {
  readonly lineage: {
    readonly root: { readonly slug: string };
    readonly nodes: ReadonlyArray<ModelRef & { readonly kind: string }>;
    readonly edges: readonly LineageEdgeData[];
  };
}
