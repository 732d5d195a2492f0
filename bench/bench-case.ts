/** What every form's answer is reduced to before the four are compared. */
export type Normalized = unknown;

/**
 * One question in three forms: Zhili's GraphQL, the peer's GraphQL and one Cypher statement (run
 * over Bolt as `raw`, and behind a bare HTTP server as `floor`, bench/floor.ts).
 */
export interface BenchCase {
  readonly name: string;
  readonly zhili: {
    query: string;
    variables: Record<string, unknown>;
    normalize: (data: any) => Normalized;
  };
  readonly peer: {
    query: string;
    variables: Record<string, unknown>;
    normalize: (data: any) => Normalized;
  };
  readonly raw: {
    cypher: string;
    params: Record<string, unknown>;
    normalize: (answer: any) => Normalized;
  };
  /** Forms that take seconds per request: timed once, at concurrency 1 (a slow raw: floor too). */
  readonly slow?: ReadonlyArray<'peer' | 'raw'>;
}

/**
 * Parameters chosen from the loaded data (so every scale asks about a place that has something).
 */
export interface CaseParams {
  readonly county: string;
  readonly city: string;
  /** The county's province (its first two digits), for the children of a province. */
  readonly province: string;
  readonly deepModel: string;
  /** A practice of the busiest county, for comparablePilots. */
  readonly pilot: string;
  /** The model of median popularity, for adoptionCandidates. */
  readonly medianModel: string;
  /**
   * It and its two neighbours in popularity, for compareModels (fewer when fewer models are used;
   * under two, compareModels is not asked).
   */
  readonly compared: readonly string[];
}
