/** The review desk's reads (editors only, sent with the key): who is signed in, the change sets. */

export const ME = `query Me { me { id name role } }`;

export type Role = 'EDITOR' | 'REVIEWER' | 'ADMIN';

export interface MeData {
  readonly me: { readonly id: string; readonly name: string; readonly role: Role } | null;
}

export const SET_STATUSES = ['OPEN', 'PUBLISHED', 'CLOSED'] as const;
export type SetStatus = (typeof SET_STATUSES)[number];

const COUNTS = `counts { draft inReview published withdrawn }`;

export interface Counts {
  readonly draft: number;
  readonly inReview: number;
  readonly published: number;
  readonly withdrawn: number;
}

export const CHANGE_SETS = `query ChangeSets($status: [ChangeSetStatus!]) {
  changeSets(status: $status, first: 50) {
    totalCount
    edges { node { id title status createdAt createdBy ${COUNTS} } }
  }
}`;

export interface ChangeSetItem {
  readonly id: string;
  readonly title: string;
  readonly status: SetStatus;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly counts: Counts;
}

export interface ChangeSetsData {
  readonly changeSets: {
    readonly totalCount: number;
    readonly edges: ReadonlyArray<{ readonly node: ChangeSetItem }>;
  };
}

export const CHANGE_FIELDS = `id status version factType factKey operation fact confidence draftReason reason createdBy updatedAt`;

export const CHANGE_SET = `query ChangeSet($id: ID!) {
  changeSet(id: $id) {
    id title status version createdAt createdBy publishedAt sourceId sourceText notes ${COUNTS}
    changes { ${CHANGE_FIELDS} }
  }
}`;

export type ChangeStatus = 'DRAFT' | 'IN_REVIEW' | 'PUBLISHED' | 'RETRACTED' | 'WITHDRAWN';

/** A fact in the seed files' format (seed/FORMAT.md): its fields depend on its type. */
export type Fact = Readonly<Record<string, unknown>>;

export interface ChangeData {
  readonly id: string;
  readonly status: ChangeStatus;
  readonly version: number;
  readonly factType: string;
  readonly factKey: string;
  readonly operation: string;
  readonly fact: Fact | null;
  readonly confidence: number | null;
  readonly draftReason: string | null;
  readonly reason: string | null;
  readonly createdBy: string;
  readonly updatedAt: string;
}

export interface ChangeSetDetail extends ChangeSetItem {
  readonly version: number;
  readonly publishedAt: string | null;
  readonly sourceId: string | null;
  readonly sourceText: string | null;
  readonly notes: readonly string[];
  readonly changes: readonly ChangeData[];
}

export interface ChangeSetData {
  readonly changeSet: ChangeSetDetail | null;
}

export const SUBMIT_SET = `mutation SubmitSet($id: ID!, $version: Int!) {
  submitChangeSet(id: $id, version: $version) { id version status }
}`;

export const PUBLISH_SET = `mutation PublishSet($id: ID!, $version: Int!) {
  publishChangeSet(id: $id, version: $version) { id version status }
}`;
