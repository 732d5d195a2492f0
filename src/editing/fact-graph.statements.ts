import { z } from 'zod';
import type { DecodedQuery } from '../core/db/executor';
import { DEFAULT_SOURCE } from '../facts/citations';
import {
  type Fact,
  factPattern,
  factReferences,
  type FactType,
  versionProperty,
} from './editing-facts';
import { citedSources } from './editing.validate';

/** Cypher of checking a fact: what it refers to, as the graph holds it now. */

const str = z.string();

const FACT_GRAPH = z.object({
  exists: z.array(z.boolean()),
  sources: z.array(z.object({ id: str, text: str, published: str })),
  models: z.array(
    z.object({
      slug: str,
      name: str,
      aliases: z
        .array(str)
        .nullable()
        .transform((a) => a ?? []),
    }),
  ),
  indicatorUnit: z.string().nullable(),
  target: z.object({ version: z.number() }).nullable(),
});
export type FactGraphRow = z.output<typeof FACT_GRAPH>;

/** Slugs of the models a fact's lineage claims name (for checking that a quote names them). */
function modelsNamed(type: FactType, fact: Fact): string[] {
  if (type === 'LINEAGE_LINK')
    return [(fact as Fact<'LINEAGE_LINK'>).from, (fact as Fact<'LINEAGE_LINK'>).to];
  if (type === 'MODEL')
    return [
      (fact as Fact<'MODEL'>).slug,
      ...((fact as Fact<'MODEL'>).derivedFrom ?? []).map((d) => d.slug),
    ];
  return [];
}

/**
 * Everything checking a fact needs from the graph, in one statement: which references exist (labels
 * and properties from code, values as parameters), the cited sources' texts, the named models, the
 * indicator's unit, and the target's current version (null when it does not exist yet).
 */
export function factGraphQuery(
  type: FactType,
  fact: Fact,
  key: string,
): DecodedQuery<FactGraphRow> {
  const refs = factReferences(type, fact);
  const exists = refs.map(([label, prop], i) => `EXISTS { MATCH (:${label} {${prop}: $ref${i}}) }`);
  const params: Record<string, unknown> = Object.fromEntries(
    refs.map(([, , value], i) => [`ref${i}`, value]),
  );
  const target =
    type === 'LINEAGE_LINK'
      ? 'head(COLLECT { ' +
        'MATCH (:GovernanceModel {slug: $from})-[d:DERIVED_FROM]->(:GovernanceModel {slug: $to}) ' +
        'RETURN {version: coalesce(d.version, 1)} })'
      : `head(COLLECT { MATCH ${factPattern(type)} RETURN {version: coalesce(n.${versionProperty(type)}, 1)} })`;
  const link = type === 'LINEAGE_LINK' ? (fact as Fact<'LINEAGE_LINK'>) : null;
  return {
    cypher: `RETURN [${exists.join(', ')}] AS exists,
      COLLECT { MATCH (s:Source) WHERE s.id IN $sources RETURN {id: s.id, text: s.text, published: toString(date(s.published))} } AS sources,
      COLLECT { MATCH (m:GovernanceModel) WHERE m.slug IN $models RETURN {slug: m.slug, name: m.name, aliases: m.aliases} } AS models,
      head(COLLECT { MATCH (i:Indicator {code: $indicator}) RETURN i.unit }) AS indicatorUnit,
      ${target} AS target`,
    params: {
      ...params,
      key,
      from: link?.from ?? null,
      to: link?.to ?? null,
      sources: [...new Set([DEFAULT_SOURCE, ...citedSources(fact)])],
      models: modelsNamed(type, fact),
      indicator: type === 'OBSERVATION' ? (fact as Fact<'OBSERVATION'>).indicator : null,
    },
    row: FACT_GRAPH,
  };
}
