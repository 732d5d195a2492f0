import { z } from 'zod';
import { flag, text, texts } from '../core/db/decode';
import type { DecodedQuery } from '../core/db/executor';
import { project, type ResolveTree, type Statement, type TypePlan } from '../core/plan';
import { PracticePlan } from '../practice/practice.plan';
import { actingLevel } from '../region/region-rollup';
import { RegionPlan } from '../region/region.plan';

/**
 * The county-level unit of region `r`: the county-level zone it lies in (`zone`, set from the
 * seed's curated list with its basis: 阳宗海), else the county its code starts with.
 */
export const unitCodeOf = (r: string): string => `coalesce(${r}.zone, substring(${r}.code, 0, 6))`;

const UNIT_FIELDS = 'u {.code, .name, .kind, .autonomous, .ethnicGroups}';
const unit = z
  .object({ code: text, name: text, kind: text, autonomous: flag, ethnicGroups: texts })
  .transform((u) => ({
    ...u,
    autonomous: u.autonomous ?? false,
    ethnicGroups: u.ethnicGroups ?? [],
  }));
const named = z.array(z.object({ key: text, name: text }));
const practiceRow = z.object({
  key: text,
  name: text,
  category: text,
  status: text,
  level: text,
  unit,
  models: named,
  principles: named,
  indicators: named,
});

export type UnitRow = z.output<typeof unit>;
export type PracticeRow = z.output<typeof practiceRow>;

/** Every practice with what scoring needs, its unit resolved (county, or county-level zone). */
export const practiceFeaturesQuery = (): DecodedQuery<PracticeRow> => ({
  cypher: `MATCH (p:Practice)-[:IN]->(r:Region)
    MATCH (u:Region {code: ${unitCodeOf('r')}})
    RETURN p.id AS key, p.name AS name, p.category AS category, p.status AS status, ${actingLevel('r')} AS level, ${UNIT_FIELDS} AS unit,
      [(p)-[:IMPLEMENTS]->(m:GovernanceModel) | {key: m.slug, name: m.name}] AS models,
      [(p)-[:IMPLEMENTS]->(:GovernanceModel)-[:HAS_PRINCIPLE]->(x:Principle) | {key: x.slug, name: x.name}] AS principles,
      [(p)<-[:ABOUT]-(:Observation)-[:MEASURES]->(i:Indicator) | {key: i.code, name: i.name}] AS indicators
    ORDER BY key`,
  row: practiceRow,
});

const UNIT_ROW = z.object({ unit });

/**
 * County-level units that could adopt a model: every county in the graph, and every county-level
 * zone.
 */
export const countyUnitsQuery = (): DecodedQuery<{ unit: UnitRow }> => ({
  cypher: `CALL () { MATCH (u:Region {level: 'COUNTY'}) RETURN u UNION MATCH (u:Region) WHERE u.countyLevelHost IS NOT NULL RETURN u }
    RETURN ${UNIT_FIELDS} AS unit ORDER BY u.code`,
  row: UNIT_ROW,
});

/** The graph's state as the similarity index knows it. */
export interface GraphFingerprint {
  readonly revision: number | null;
  readonly counts: readonly number[];
}
const FINGERPRINT = { revision: z.number().nullable(), counts: z.array(z.number()) };

/**
 * What the similarity index was built from, read cheaply: the revision every write bumps, and
 * counts the database keeps in its count store (so a write that forgot the revision, such as a
 * test fixture, still shows when it adds or removes a practice or a link). Opens a statement.
 */
const FINGERPRINT_WITH = `OPTIONAL MATCH (gs:GraphState) WITH max(gs.revision) AS revision
  WITH revision, [COUNT { (:Practice) }, COUNT { (:Region) }, COUNT { ()-[:IMPLEMENTS]->() }, COUNT { ()-[:ABOUT]->() }] AS counts`;

export const graphFingerprintQuery = (): DecodedQuery<GraphFingerprint> => ({
  cypher: `${FINGERPRINT_WITH} RETURN revision, counts`,
  row: z.object(FINGERPRINT),
});

const ANSWER = z.object({
  ...FINGERPRINT,
  found: z.array(z.object({ key: text, n: z.unknown() })),
});

/**
 * `found`: the nodes of `plan` whose keys are in parameter `keys`, projected as the operation
 * selects them (raw, for `plan` to materialize).
 */
const foundByKeys = <T extends object>(
  plan: TypePlan<T>,
  keys: string,
  tree: ResolveTree | undefined,
  statement: Statement,
) =>
  `CALL () { UNWIND $${keys} AS key MATCH (n:${plan.entity.label} {${plan.entity.key}: key}) RETURN collect({key: key, n: ${project(plan, 'n', tree, statement)}}) AS found }`;

/**
 * The matched practices and the fingerprint that says whether the index that chose them is current:
 * one statement.
 */
export const pilotAnswerQuery = (
  keys: readonly string[],
  tree: ResolveTree | undefined,
  statement: Statement,
): DecodedQuery<z.output<typeof ANSWER>> => ({
  cypher: `${FINGERPRINT_WITH}
    ${foundByKeys(PracticePlan, 'keys', tree, statement)}
    RETURN revision, counts, found`,
  params: { ...statement.params, keys },
  row: ANSWER,
});

const CANDIDATES_ANSWER = ANSWER.extend({ model: z.boolean() });

/** Whether the model exists, the candidate regions, and the fingerprint: one statement. */
export const candidateAnswerQuery = (
  slug: string,
  codes: readonly string[],
  tree: ResolveTree | undefined,
  statement: Statement,
): DecodedQuery<z.output<typeof CANDIDATES_ANSWER>> => ({
  cypher: `${FINGERPRINT_WITH}
    ${foundByKeys(RegionPlan, 'codes', tree, statement)}
    RETURN revision, counts, EXISTS { (:GovernanceModel {slug: $slug}) } AS model, found`,
  params: { ...statement.params, slug, codes },
  row: CANDIDATES_ANSWER,
});
