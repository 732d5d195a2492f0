import { CHANGE_FIELDS } from './review.query';

/** The desk's writes on one change, a fact's history, and what the pickers read. */

export const SUBMIT_CHANGE = `mutation SubmitChange($id: ID!, $version: Int!) {
  submitChange(id: $id, version: $version) { ${CHANGE_FIELDS} }
}`;

export const WITHDRAW_CHANGE = `mutation WithdrawChange($id: ID!, $version: Int!, $reason: String!) {
  withdrawChange(id: $id, version: $version, reason: $reason) { ${CHANGE_FIELDS} }
}`;

export const RETURN_CHANGE = `mutation ReturnChange($id: ID!, $version: Int!, $reason: String!) {
  returnChange(id: $id, version: $version, reason: $reason) { ${CHANGE_FIELDS} }
}`;

export const REVISE_CHANGE = `mutation ReviseChange($id: ID!, $version: Int!, $input: FactInput!) {
  reviseChange(id: $id, version: $version, input: $input) { ${CHANGE_FIELDS} }
}`;

export const PROPOSE_FACT = `mutation ProposeFact($input: ProposeFactInput!) {
  proposeFact(input: $input) { ${CHANGE_FIELDS} }
}`;

export const FACT_HISTORY = `query FactHistory($type: FactType!, $key: String!) {
  factHistory(type: $type, key: $key) {
    id status version operation createdAt createdBy
    events { at by action from to reason }
  }
}`;

export interface HistoryEvent {
  readonly at: string;
  readonly by: string;
  readonly action: string;
  readonly from: string | null;
  readonly to: string;
  readonly reason: string | null;
}

export interface FactHistoryData {
  readonly factHistory: ReadonlyArray<{
    readonly id: string;
    readonly status: string;
    readonly version: number;
    readonly operation: string;
    readonly createdAt: string;
    readonly createdBy: string;
    readonly events: readonly HistoryEvent[];
  }>;
}

export const INDICATORS = `query Indicators { indicators { code name nameEn unit { code } } }`;

/** An indicator as a figure names it: its unit by code, as in the seed format. */
export interface IndicatorOption {
  readonly code: string;
  readonly name: string;
  readonly nameEn: string | null;
  readonly unit: string;
}

export interface IndicatorsData {
  readonly indicators: ReadonlyArray<
    Omit<IndicatorOption, 'unit'> & { readonly unit: { readonly code: string } }
  >;
}

/** The national search, places only: each candidate with its path to tell namesakes apart. */
export const REGION_SEARCH = `query RegionSearch($text: String!) {
  search(text: $text, types: [REGION], first: 8) { id code name nameEn path pathEn }
}`;

export interface RegionOption {
  readonly id: string;
  readonly code: string | null;
  readonly name: string;
  readonly nameEn: string | null;
  readonly path: string | null;
  readonly pathEn: string | null;
}

export interface RegionSearchData {
  readonly search: readonly RegionOption[];
}

/** The name and path of the region a fact names now, for the picker to show. */
export const REGION_NAME = `query RegionName($code: String!) {
  region(code: $code) { code name nameEn ancestors { code name nameEn } }
}`;

export interface RegionNameData {
  readonly region: {
    readonly code: string;
    readonly name: string;
    readonly nameEn: string | null;
    readonly ancestors: ReadonlyArray<{ readonly name: string; readonly nameEn: string | null }>;
  } | null;
}
