import type { CypherQuery } from '../db/executor';
import { observationFields } from '../observation/observation.repository';

/** Figures about each model's practices, with what comparability needs to know. */
export const figuresOfModelsQuery = (slugs: readonly string[]): CypherQuery => ({
  cypher: `UNWIND $slugs AS slug
    MATCH (:GovernanceModel {slug: slug})<-[:IMPLEMENTS]-(:Practice)<-[:ABOUT]-(o:Observation)-[:FOR]->(r:Region)
    WITH slug, o, r ORDER BY o.id
    RETURN slug, collect(${observationFields(
      'regionLevel: r.level, denominatorIndicator: [(o)-[:DENOMINATOR]->(:Observation)-[:MEASURES]->(di:Indicator) | di.code][0]',
    )}) AS observations`,
  params: { slugs },
});

export const practiceCountsQuery = (slugs: readonly string[]): CypherQuery => ({
  cypher: 'UNWIND $slugs AS slug OPTIONAL MATCH (:GovernanceModel {slug: slug})<-[:IMPLEMENTS]-(p:Practice) RETURN slug, count(p) AS n',
  params: { slugs },
});
