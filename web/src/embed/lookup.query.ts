/** The widget's one query: practices in a region and everywhere below it, a page at a time. */
export const LOOKUP = `query ZhiliPracticeLookup($region: String!, $after: String) {
  region(code: $region) {
    code name nameEn
    practices(includeSubregions: true, first: 20, after: $after) {
      totalCount
      edges { node { key name nameEn status started { value } region { name nameEn } models { name nameEn } } }
      pageInfo { hasNextPage endCursor }
    }
  }
}`;

interface Named {
  readonly name: string;
  readonly nameEn: string | null;
}

export interface LookupPractice extends Named {
  readonly key: string;
  readonly status: string;
  readonly started: { readonly value: string } | null;
  readonly region: Named;
  readonly models: readonly Named[];
}

export interface LookupData {
  readonly region:
    | (Named & {
        readonly code: string;
        readonly practices: {
          readonly totalCount: number;
          readonly edges: ReadonlyArray<{ readonly node: LookupPractice }>;
          readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor: string | null };
        };
      })
    | null;
}
