import { z } from 'zod';
import { num, oneOf, optOneOf, optText, text } from '../core/db/decode';
import type { DecodedQuery } from '../core/db/executor';
import { project, type ResolveTree, type Statement } from '../core/plan';
import {
  DATE_PRECISIONS,
  PRACTICE_STATUSES,
  QUALIFIERS,
  REGION_LEVELS,
  SOURCE_KINDS,
} from '../core/vocabulary';
import { IndicatorPlan } from '../indicator/indicator.plan';
import { COMPONENTS, componentsExpression, ModelEntity } from '../model/model.repository';
import { ObservationPlan } from '../observation/observation.plan';
import { actingLevel } from '../region/region-rollup';
import { RegionPlan } from '../region/region.plan';
import type { ComparisonNeeds } from './comparison-needs';

// The facts comparability judges, read only when the operation asks for the verdict.
const facts = z
  .object({
    unit: text,
    periodKind: text,
    period: optText,
    sourceKind: oneOf(SOURCE_KINDS),
    scope: optText,
    qualifier: oneOf(QUALIFIERS),
    regionLevel: oneOf(REGION_LEVELS),
    denominatorIndicator: optText,
  })
  .nullable();
// Observations and indicators come as selected; the resolver materializes them.
const figure = z.object({
  observation: z.unknown(),
  indicator: z.unknown(),
  facts,
});
const adoption = z.object({
  region: z.unknown(),
  practiceKey: text,
  status: oneOf(PRACTICE_STATUSES),
  startDate: optText,
  startPrecision: optOneOf(DATE_PRECISIONS),
});

const COMPARED = z.object({
  key: text,
  model: ModelEntity.decode,
  components: COMPONENTS,
  adoptions: z.array(adoption),
  practiceCount: num,
  figures: z.array(figure),
});
export type ComparedRow = z.output<typeof COMPARED>;

const FACTS = (o: string, r: string) =>
  `{unit: ${o}.unit, periodKind: ${o}.periodKind, period: ${o}.period, sourceKind: ${o}.sourceKind, scope: ${o}.scope, qualifier: ${o}.qualifier, regionLevel: ${actingLevel(r)},
          denominatorIndicator: [(${o})-[:DENOMINATOR]->(:Observation)-[:MEASURES]->(di:Indicator) | di.code][0]}`;

/** Each model's figures, with their indicators and, for a verdict, the facts it judges. */
function figuresExpression(
  needs: ComparisonNeeds,
  trees: ComparisonTrees,
  statement: Statement,
): string {
  if (!needs.figures) return '[]';
  const observation = project(ObservationPlan, 'o', trees.observation, statement);
  const indicator = project(IndicatorPlan, 'i', trees.indicator, statement);
  const located = needs.verdict
    ? '-[:FOR]->(r:Region), (o)-[:MEASURES]->(i:Indicator)'
    : '-[:MEASURES]->(i:Indicator) WHERE EXISTS { (o)-[:FOR]->(:Region) }';
  return `COLLECT { MATCH (m)<-[:IMPLEMENTS]-(:Practice)<-[:ABOUT]-(o:Observation)${located} WITH ${needs.verdict ? 'o, r, i' : 'o, i'} ORDER BY o.id
        RETURN {observation: ${observation}, indicator: ${indicator}, facts: ${needs.verdict ? FACTS('o', 'r') : 'null'}} }`;
}

/** The selections below a comparison that are projected as asked. */
export interface ComparisonTrees {
  readonly observation?: ResolveTree;
  readonly indicator?: ResolveTree;
  readonly region?: ResolveTree;
}

/**
 * What a comparison reads, for each model that exists, in one statement: the model and, as the
 * operation selects them (`needs`), its components, adoptions (with their regions, as a diffusion
 * timeline), practice count and figures (observations and indicators as selected, and the facts
 * comparability needs only for a verdict). A part not selected is not read: an empty list or 0.
 * The caller materializes observations, indicators and regions with their plans.
 */
export const comparisonQuery = (
  slugs: readonly string[],
  trees: ComparisonTrees,
  statement: Statement,
  needs: ComparisonNeeds,
): DecodedQuery<ComparedRow> => {
  const region = project(RegionPlan, 'r', trees.region, statement);
  const adoptions = `COLLECT { MATCH (m)<-[:IMPLEMENTS]-(p:Practice)-[:IN]->(r:Region) WITH p, r ORDER BY p.startSort IS NULL, p.startSort, r.code, p.id
        RETURN {region: ${region}, practiceKey: p.id, status: p.status, startDate: p.startDate, startPrecision: p.startPrecision} }`;
  return {
    cypher: `UNWIND $slugs AS slug MATCH (m:GovernanceModel {slug: slug})
    RETURN slug AS key, ${ModelEntity.projection('m')} AS model, ${needs.principles ? componentsExpression('m', 'h', 'p') : '[]'} AS components,
      ${needs.adopters ? adoptions : '[]'} AS adoptions,
      ${needs.practiceCount ? 'COUNT { (m)<-[:IMPLEMENTS]-(:Practice) }' : '0'} AS practiceCount,
      ${figuresExpression(needs, trees, statement)} AS figures`,
    params: { ...statement.params, slugs },
    row: COMPARED,
  };
};
