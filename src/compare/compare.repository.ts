import { z } from 'zod';
import { num, oneOf, optText, text } from '../core/db/decode';
import type { DecodedQuery } from '../core/db/executor';
import { REGION_LEVELS } from '../core/vocabulary';
import { ObservationEntity } from '../observation/observation.repository';

const figure = z.object({ observation: ObservationEntity.decode, regionLevel: oneOf(REGION_LEVELS), denominatorIndicator: optText });
export type FigureRow = z.output<typeof figure>;

const FIGURES_BY_SLUG = z.object({ slug: text, figures: z.array(figure) });

/** Figures about each model's practices, with what comparability needs to know. */
export const figuresOfModelsQuery = (slugs: readonly string[]): DecodedQuery<{ slug: string; figures: FigureRow[] }> => ({
  cypher: `UNWIND $slugs AS slug
    MATCH (:GovernanceModel {slug: slug})<-[:IMPLEMENTS]-(:Practice)<-[:ABOUT]-(o:Observation)-[:FOR]->(r:Region)
    WITH slug, o, r ORDER BY o.id
    RETURN slug, collect({observation: ${ObservationEntity.projection('o')}, regionLevel: r.level,
      denominatorIndicator: [(o)-[:DENOMINATOR]->(:Observation)-[:MEASURES]->(di:Indicator) | di.code][0]}) AS figures`,
  params: { slugs },
  row: FIGURES_BY_SLUG,
});

const COUNT_BY_SLUG = z.object({ slug: text, n: num });

export const practiceCountsQuery = (slugs: readonly string[]): DecodedQuery<{ slug: string; n: number }> => ({
  cypher: 'UNWIND $slugs AS slug OPTIONAL MATCH (:GovernanceModel {slug: slug})<-[:IMPLEMENTS]-(p:Practice) RETURN slug, count(p) AS n',
  params: { slugs },
  row: COUNT_BY_SLUG,
});
