import { z } from 'zod';
import type { DecodedQuery } from '../core/db/executor';
import { DEFAULT_SOURCE, locateReported } from '../facts/citations';
import type { Citation } from '../facts/fact.schema';
import { FACT_SCHEMAS, factPattern, type FactType, linkEnds } from './editing-facts';

/**
 * A published fact read back in the seed files' format (seed/FORMAT.md), as proposeFact takes it:
 * an editor fetches it, edits it and proposes the whole new state as an update. One statement
 * projects the stored node or edge into the fact's shape, with nulls where a field is absent; the
 * row's decoder turns stored quotes back into citations, drops what is absent, and checks the
 * result against the fact's own schema.
 *
 * What the graph does not keep cannot come back: the order of a practice's models and of a
 * fact's quotes (returned sorted; a figure's quote holding its words comes first, as the seed
 * writes it), and an origin stated without a region (the graph keeps only its year, which is
 * not returned).
 */

/**
 * A stored quote: where it stands, and how often it stands in its source (to say which occurrence
 * it is).
 */
const CITE = `{quote: c.quote, source: c.sourceId, offset: c.offset,
  count: size(split(s.text, c.quote)) - 1, occurrence: size(split(substring(s.text, 0, c.offset + c.length), c.quote)) - 1}`;
const nodeCites = (v: string) =>
  `COLLECT { MATCH (${v})-[:CITED_BY]->(c:Citation) OPTIONAL MATCH (c)-[:FROM]->(s) WITH c, s ORDER BY c.sourceId, c.offset RETURN ${CITE} }`;
/** An edge keeps its quotes' ids in order. */
const edgeCites = (r: string) =>
  `[cid IN coalesce(${r}.citationIds, []) | head(COLLECT { MATCH (c:Citation {id: cid}) OPTIONAL MATCH (c)-[:FROM]->(s) RETURN ${CITE} })]`;
const editorial = (v: string) =>
  `CASE WHEN ${v}.editorial THEN {basis: ${v}.editorialBasis, note: ${v}.editorialNote} END`;
const review = (v: string) =>
  `CASE WHEN ${v}.reviewVerdict IS NOT NULL THEN {verdict: ${v}.reviewVerdict, reason: ${v}.reviewReason} END`;
const one = (pattern: string, value: string) =>
  `head(COLLECT { MATCH ${pattern} RETURN ${value} })`;
const provenance = (v: string, cites: string) => `citations: ${cites}, editorial: ${editorial(v)}`;
const link = (d: string) =>
  `relation: ${d}.relation, since: ${d}.since, note: ${d}.note, ${provenance(d, edgeCites(d))}, review: ${review(d)}`;

/** Each kind's projection of the node bound to `n`, in the seed's field names. */
const PROJECTION: Record<Exclude<FactType, 'LINEAGE_LINK'>, string> = {
  SOURCE: `n {.id, .title, .titleEn, .author, .publisher, .originalPublisher, .reporters, published: toString(n.published), .language, .kind, .url, .text, .sha256,
    original: CASE WHEN n.originalFile IS NOT NULL THEN {file: n.originalFile, mediaType: n.originalMediaType, sha256: n.originalSha256, bytes: n.originalBytes} END}`,
  UNIT: 'n {.code, .name, .nameEn, .kind}',
  INDICATOR: 'n {.code, .name, .nameEn, .unit, .higherIsBetter, .description, .descriptionEn}',
  ZONE: `n {.code, host: n.apiCountyLevelHost, basis: n.apiCountyLevelBasis, citations: ${nodeCites('n')}}`,
  PRINCIPLE: 'n {.slug, .name, .nameEn, .pinyin, .kind, .description, .descriptionEn}',
  ORGANIZATION: `n {.id, .name, .nameEn, .kind, region: ${one('(n)-[:IN]->(g:Region)', 'g.code')}, ${provenance('n', nodeCites('n'))}}`,
  PRACTICE: `n {.id, .name, .nameEn, region: ${one('(n)-[:IN]->(g:Region)', 'g.code')}, .site, .siteEn,
    models: COLLECT { MATCH (n)-[:IMPLEMENTS]->(m:GovernanceModel) RETURN m.slug ORDER BY m.slug }, .category, .status,
    started: CASE WHEN n.startDate IS NOT NULL THEN {date: n.startDate, precision: n.startPrecision} END, .scale, .scaleEn, .description, .descriptionEn,
    organizations: COLLECT { MATCH (n)-[:INVOLVES]->(o:Organization) RETURN o.id ORDER BY o.id }, ${provenance('n', nodeCites('n'))}}`,
  OBSERVATION: `n {.id, indicator: ${one('(n)-[:MEASURES]->(i:Indicator)', 'i.code')}, .value, .unit, .qualifier, time: n.periodKind, .period,
    region: ${one('(n)-[:FOR]->(g:Region)', 'g.code')}, practice: ${one('(n)-[:ABOUT]->(p:Practice)', 'p.id')},
    numerator: ${one('(n)-[:NUMERATOR]->(x:Observation)', 'x.id')}, denominator: ${one('(n)-[:DENOMINATOR]->(x:Observation)', 'x.id')},
    comparison: CASE WHEN n.comparisonKind IS NOT NULL THEN {kind: n.comparisonKind, basePeriod: n.basePeriod} END, .scope, .reported, .reportedOffset,
    .sourceKind, discrepancy: CASE WHEN n.discrepancy THEN {computed: n.computedValue, note: n.discrepancyNote} END, .note, ${provenance('n', nodeCites('n'))}}`,
  MODEL: `n {.slug, .name, .nameEn, .pinyin, .aliases, .kind, .summary, .summaryEn,
    origin: ${one('(n)-[o:ORIGINATED_IN]->(g:Region)', `{region: g.code, year: o.year, ${provenance('o', edgeCites('o'))}, review: ${review('o')}}`)},
    principles: COLLECT { MATCH (n)-[h:HAS_PRINCIPLE]->(p:Principle) WITH h, p ORDER BY h.order RETURN {slug: p.slug, note: h.note, ${provenance('h', edgeCites('h'))}} },
    .principlesComplete,
    derivedFrom: COLLECT { MATCH (n)-[d:DERIVED_FROM]->(p:GovernanceModel) WITH d, p ORDER BY p.slug RETURN {slug: p.slug, ${link('d')}} },
    ${provenance('n', nodeCites('n'))}}`,
};

const CITE_ROW = z.object({
  quote: z.string(),
  source: z.string(),
  offset: z.number(),
  count: z.number().nullable(),
  occurrence: z.number().nullable(),
});
type CiteRow = z.output<typeof CITE_ROW>;
type Raw = Record<string, unknown>;

/**
 * A stored quote as a seed file writes it: a bare string from the founding source, with `source`
 * and `occurrence` only where needed.
 */
export function seedCitation(c: CiteRow): Citation {
  const occurrence = (c.count ?? 1) > 1 && c.occurrence ? c.occurrence : undefined;
  if (c.source === DEFAULT_SOURCE && occurrence === undefined) return c.quote;
  return {
    quote: c.quote,
    ...(c.source === DEFAULT_SOURCE ? {} : { source: c.source }),
    ...(occurrence ? { occurrence } : {}),
  };
}

/** Absent fields (null, or an empty list) dropped at every depth; stored quotes made citations. */
function clean(value: unknown, key?: string): unknown {
  if (key === 'citations' && Array.isArray(value))
    return value.map((c) => seedCitation(CITE_ROW.parse(c)));
  if (Array.isArray(value)) return value.map((v) => clean(v));
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value).map(([k, v]) => [k, clean(v, k)] as const);
  return Object.fromEntries(
    entries.filter(
      ([, v]) => v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0),
    ),
  );
}

/**
 * A figure's first quote is the one holding its reported words (the seed's rule: they are
 * located in it), and `reportedOccurrence` is given when the words stand there more than once.
 */
export function placeReported(fact: Raw): Raw {
  const { reportedOffset: at, ...rest } = fact;
  const cites = z.array(CITE_ROW).parse(fact.citations ?? []);
  const holder =
    typeof at === 'number'
      ? cites.find((c) => at >= c.offset && at < c.offset + Array.from(c.quote).length)
      : undefined;
  if (!holder || typeof at !== 'number') return rest;
  const ordered = { ...rest, citations: [holder, ...cites.filter((c) => c !== holder)] };
  const quote = {
    id: '',
    source: holder.source,
    quote: holder.quote,
    offset: holder.offset,
    index: 0,
    length: 0,
  };
  const wanted = Array.from(holder.quote)
    .slice(0, at - holder.offset)
    .join('').length;
  if (locateReported(quote, String(fact.reported)) === wanted) return ordered;
  for (let n = 1; ; n += 1) {
    const index = locateReported(quote, String(fact.reported), n);
    if (typeof index !== 'number') return ordered;
    if (index === wanted) return { ...ordered, reportedOccurrence: n };
  }
}

/**
 * The row's decoder: the stored fact in the seed's format, checked by the fact's own schema (an
 * integrity fault if it fails).
 */
const currentRow = (type: FactType) =>
  z.object({ fact: z.record(z.string(), z.unknown()).nullable() }).transform((row, ctx) => {
    if (row.fact === null) return { fact: null };
    try {
      const shaped = clean(type === 'OBSERVATION' ? placeReported(row.fact) : row.fact) as Raw;
      // An indicator states whether higher is better, or null for neither: kept though null.
      if (type === 'INDICATOR') shaped.higherIsBetter ??= null;
      return { fact: FACT_SCHEMAS[type].parse(shaped) as Raw };
    } catch (error) {
      ctx.issues.push({
        code: 'custom',
        message: `the stored ${type} is not a valid fact: ${String(error)}`,
        input: row.fact,
      });
      return z.NEVER;
    }
  });

/** The published fact of this kind and key, or a row with `fact: null` when there is none. */
export function currentFactQuery(type: FactType, key: string): DecodedQuery<{ fact: Raw | null }> {
  if (type === 'LINEAGE_LINK') {
    return {
      cypher: `RETURN ${one('(a:GovernanceModel {slug: $from})-[d:DERIVED_FROM]->(b:GovernanceModel {slug: $to})', `{from: a.slug, to: b.slug, ${link('d')}}`)} AS fact`,
      params: linkEnds(key),
      row: currentRow(type),
    };
  }
  return {
    cypher: `RETURN ${one(factPattern(type), PROJECTION[type])} AS fact`,
    params: { key },
    row: currentRow(type),
  };
}
