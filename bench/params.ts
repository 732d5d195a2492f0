import { z } from 'zod';
import type { DecodedQuery, Executor } from '../src/core/db/executor';
import { prefixOf } from '../src/core/region-codes';
import type { CaseParams } from './bench-case';

const one = async <T>(executor: Executor, what: string, q: DecodedQuery<T>): Promise<T> => {
  const [row] = await executor.read(q);
  if (row === undefined) throw new Error(`the bench graph has no ${what} to ask about`);
  return row;
};

/**
 * The busiest county (by practices here and below), its city and province and first practice,
 * the model with the longest upstream chain (any model when none derives from another), and
 * models of median use: asked about at every scale, the seed's included.
 */
export async function chooseParams(executor: Executor): Promise<CaseParams> {
  const county = await one(executor, 'practice', {
    cypher:
      'MATCH (:Practice)-[:IN]->(r:Region) WITH substring(r.code, 0, 6) AS c, count(*) AS n ' +
      'ORDER BY n DESC, c LIMIT 1 RETURN c',
    row: z.object({ c: z.string() }),
  });
  const deep = await one(executor, 'model', {
    cypher:
      'MATCH (m:GovernanceModel) OPTIONAL MATCH p = (m)-[:DERIVED_FROM*1..10]->(:GovernanceModel) ' +
      'WITH m, max(coalesce(length(p), 0)) AS d ORDER BY d DESC, m.slug LIMIT 1 ' +
      'RETURN m.slug AS slug',
    row: z.object({ slug: z.string() }),
  });
  const pilot = await one(executor, 'practice', {
    cypher:
      'MATCH (p:Practice)-[:IN]->(r:Region) WHERE r.code STARTS WITH $county RETURN p.id AS key ' +
      'ORDER BY key LIMIT 1',
    params: { county: county.c },
    row: z.object({ key: z.string() }),
  });
  const byUse = await one(executor, 'model', {
    cypher:
      'MATCH (m:GovernanceModel) WITH m, COUNT { (m)<-[:IMPLEMENTS]-(:Practice) } AS n ' +
      'WHERE n > 0 WITH m ORDER BY n DESC, m.slug RETURN collect(m.slug) AS slugs',
    row: z.object({ slugs: z.array(z.string()) }),
  });
  // With fewer than three used models, compare what there is (compareModels wants two or more).
  const mid = Math.floor(byUse.slugs.length / 2);
  return {
    county: county.c,
    city: prefixOf(county.c, 'PREFECTURE'),
    province: prefixOf(county.c, 'PROVINCE'),
    deepModel: deep.slug,
    pilot: pilot.key,
    medianModel: byUse.slugs[mid] ?? deep.slug,
    compared: byUse.slugs.slice(Math.max(0, mid - 1), mid + 2),
  };
}
