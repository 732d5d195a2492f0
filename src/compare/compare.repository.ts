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
import { IndicatorEntity } from '../indicator/indicator.repository';
import { COMPONENTS, componentsExpression, ModelEntity } from '../model/model.repository';
import { ObservationPlan } from '../observation/observation.plan';
import { actingLevel } from '../region/region-rollup';
import { RegionPlan } from '../region/region.plan';

// What comparability reads comes beside the observation, which is projected only as selected.
const figure = z.object({
  observation: z.unknown(),
  indicatorCode: text,
  unit: text,
  periodKind: text,
  period: optText,
  sourceKind: oneOf(SOURCE_KINDS),
  scope: optText,
  qualifier: oneOf(QUALIFIERS),
  regionLevel: oneOf(REGION_LEVELS),
  denominatorIndicator: optText,
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
  indicators: z.array(IndicatorEntity.decode),
});
export type ComparedRow = z.output<typeof COMPARED>;

/**
 * Everything a comparison reads, for each model that exists, in one statement: the model, its
 * components, adoptions (with their regions, as a diffusion timeline), practice count, and figures
 * (observations as selected, with what comparability needs) with their indicators. Observations
 * and adoption regions are projected as the operation selects them, raw: the caller materializes
 * them with `ObservationPlan` and `RegionPlan`.
 */
export const comparisonQuery = (
  slugs: readonly string[],
  trees: { observation?: ResolveTree; region?: ResolveTree },
  statement: Statement,
): DecodedQuery<ComparedRow> => {
  const observation = project(ObservationPlan, 'o', trees.observation, statement);
  const region = project(RegionPlan, 'r', trees.region, statement);
  return {
    cypher: `UNWIND $slugs AS slug MATCH (m:GovernanceModel {slug: slug})
    RETURN slug AS key, ${ModelEntity.projection('m')} AS model, ${componentsExpression('m', 'h', 'p')} AS components,
      COLLECT { MATCH (m)<-[:IMPLEMENTS]-(p:Practice)-[:IN]->(r:Region) WITH p, r ORDER BY p.startSort IS NULL, p.startSort, r.code, p.id
        RETURN {region: ${region}, practiceKey: p.id, status: p.status, startDate: p.startDate, startPrecision: p.startPrecision} } AS adoptions,
      COUNT { (m)<-[:IMPLEMENTS]-(:Practice) } AS practiceCount,
      COLLECT { MATCH (m)<-[:IMPLEMENTS]-(:Practice)<-[:ABOUT]-(o:Observation)-[:FOR]->(r:Region), (o)-[:MEASURES]->(i:Indicator) WITH o, r, i ORDER BY o.id
        RETURN {observation: ${observation}, indicatorCode: i.code, unit: o.unit, periodKind: o.periodKind, period: o.period, sourceKind: o.sourceKind, scope: o.scope, qualifier: o.qualifier, regionLevel: ${actingLevel('r')},
          denominatorIndicator: [(o)-[:DENOMINATOR]->(:Observation)-[:MEASURES]->(di:Indicator) | di.code][0]} } AS figures,
      COLLECT { MATCH (m)<-[:IMPLEMENTS]-(:Practice)<-[:ABOUT]-(o:Observation)-[:MEASURES]->(i:Indicator) WHERE EXISTS { (o)-[:FOR]->(:Region) }
        WITH DISTINCT i RETURN ${IndicatorEntity.projection('i')} } AS indicators`,
    params: { ...statement.params, slugs },
    row: COMPARED,
  };
};
