import type { z } from 'zod';
import { sha256 } from '../core/digest';
import { zoneProblems } from '../core/region-codes';
import { DEFAULT_SOURCE, type LocatedQuote, locateQuote, locateReported } from '../facts/citations';
import { edgeProblem, originProblem } from '../facts/claims.rules';
import type { Citation, Editorial } from '../facts/fact.schema';
import { periodShapeProblem, timeFaults } from '../facts/time.rules';
import { type Fact, FACT_SCHEMAS, type FactType } from './editing-facts';

/** One thing wrong with a proposed fact, at a path inside it (`citations.0`, `region`). */
export interface FactProblem {
  readonly field: string;
  readonly message: string;
}

/**
 * What the graph says about the things a fact refers to, read in one statement before checking it.
 */
export interface FactGraph {
  /** The references (as [label, key property, key, field]) that name no node. */
  readonly missing: ReadonlyArray<readonly [string, string, string, string]>;
  /** Texts and publication dates (YYYY-MM-DD) of the sources the fact cites. */
  readonly texts: ReadonlyMap<string, string>;
  readonly published: ReadonlyMap<string, string>;
  /** Names and aliases of the models a lineage claim names. */
  readonly models: ReadonlyMap<string, { name: string; aliases?: string[] }>;
  /** For an observation: its indicator's unit. */
  readonly indicatorUnit: string | null;
}

const path = (segments: ReadonlyArray<PropertyKey>) => segments.map(String).join('.');

/** The fact decoded by its kind's schema, or the problems with their paths. */
export function parseFact(
  type: FactType,
  raw: unknown,
): { fact: Fact } | { problems: FactProblem[] } {
  const parsed = (FACT_SCHEMAS[type] as z.ZodType<Fact>).safeParse(raw);
  if (parsed.success) return { fact: parsed.data };
  return {
    problems: parsed.error.issues.map((i) => ({ field: path(i.path), message: i.message })),
  };
}

/** The sources a fact's quotes come from (a bare quote is from the founding source). */
export function citedSources(fact: Fact): string[] {
  const ids = new Set<string>();
  const visit = (value: unknown, key?: string): void => {
    if (key === 'citations' && Array.isArray(value))
      for (const c of value as Citation[])
        ids.add(typeof c === 'string' ? DEFAULT_SOURCE : (c.source ?? DEFAULT_SOURCE));
    else if (Array.isArray(value)) value.forEach((v) => visit(v));
    else if (value && typeof value === 'object')
      for (const [k, v] of Object.entries(value)) visit(v, k);
  };
  visit(fact);
  return [...ids];
}

/** Quotes found verbatim in their stored sources; each that is not is a problem at its path. */
function located(
  citations: readonly Citation[] | undefined,
  at: string,
  graph: FactGraph,
  problems: FactProblem[],
): LocatedQuote[] {
  const out: LocatedQuote[] = [];
  (citations ?? []).forEach((c, i) => {
    const q = locateQuote(c, graph.texts);
    if (typeof q === 'string')
      problems.push({ field: path([at, 'citations', i].filter((s) => s !== '')), message: q });
    else out.push(q);
  });
  return out;
}

/** A claim needs a quote found in its source, or an editorial basis. */
function provenanceProblems(
  claim: { citations?: Citation[]; editorial?: Editorial },
  at: string,
  graph: FactGraph,
  problems: FactProblem[],
): LocatedQuote[] {
  const quotes = located(claim.citations, at, graph, problems);
  if ((claim.citations ?? []).length === 0 && !claim.editorial?.basis) {
    problems.push({
      field: at || 'citations',
      message:
        'needs at least one citation (a verbatim quote of a stored source) or editorial: { basis }',
    });
  }
  return quotes;
}

/** Everything that stops a parsed fact from being published: references, quotes, time, claims. */
export function factProblems(type: FactType, fact: Fact, graph: FactGraph): FactProblem[] {
  const problems: FactProblem[] = graph.missing.map(([label, , key, field]) => ({
    field,
    message: `unknown ${label} "${key}"`,
  }));
  if (type === 'SOURCE') return [...problems, ...sourceProblems(fact as Fact<'SOURCE'>)];
  // A principle is a component's name and kind, cited where a model uses it; units and
  // indicators are vocabulary, defined rather than reported.
  if (type === 'PRINCIPLE' || type === 'UNIT' || type === 'INDICATOR') return problems;
  if (type === 'ZONE') return [...problems, ...zoneFactProblems(fact as Fact<'ZONE'>, graph)];
  const quotes = provenanceProblems(
    fact as { citations?: Citation[]; editorial?: Editorial },
    '',
    graph,
    problems,
  );
  if (type === 'OBSERVATION')
    problems.push(...observationProblems(fact as Fact<'OBSERVATION'>, quotes, graph));
  if (type === 'MODEL') problems.push(...modelProblems(fact as Fact<'MODEL'>, graph));
  if (type === 'LINEAGE_LINK') {
    const link = fact as Fact<'LINEAGE_LINK'>;
    if (link.from === link.to)
      problems.push({ field: 'to', message: 'a model cannot derive from itself' });
    const problem = edgeProblem(
      { ...link, slug: link.to },
      graph.models.get(link.from) ?? { name: link.from },
      graph.models.get(link.to),
    );
    if (problem) problems.push({ field: 'review', message: problem });
  }
  return problems;
}

/** A zone's status is quoted: a source must say it is administered at county level. */
function zoneFactProblems(zone: Fact<'ZONE'>, graph: FactGraph): FactProblem[] {
  const problems = zoneProblems(zone.code, zone.host);
  located(zone.citations, '', graph, problems);
  if ((zone.citations ?? []).length === 0)
    problems.push({ field: 'citations', message: 'needs a quote that states the status' });
  return problems;
}

function sourceProblems(source: Fact<'SOURCE'>): FactProblem[] {
  const digest = sha256(source.text);
  return source.sha256 && source.sha256 !== digest
    ? [
        {
          field: 'sha256',
          message: `is not the text's sha256 (${digest}): the text did not arrive intact`,
        },
      ]
    : [];
}

function observationProblems(
  o: Fact<'OBSERVATION'>,
  quotes: readonly LocatedQuote[],
  graph: FactGraph,
): FactProblem[] {
  const problems: FactProblem[] = [];
  if (graph.indicatorUnit !== null && graph.indicatorUnit !== o.unit)
    problems.push({
      field: 'unit',
      message: `differs from indicator ${o.indicator}'s unit "${graph.indicatorUnit}"`,
    });
  const holder = quotes.find((q) => q.quote.includes(o.reported));
  const at = holder
    ? locateReported(holder, o.reported, o.reportedOccurrence)
    : 'is not inside any of its quotes';
  if (typeof at === 'string') problems.push({ field: 'reported', message: at });
  const shape = periodShapeProblem(o.time, o.period);
  if (shape) problems.push({ field: 'period', message: shape });
  else if (quotes.length > 0)
    problems.push(
      ...timeFaults(o, quotes, graph.texts, graph.published).map((message) => ({
        field: 'time',
        message,
      })),
    );
  return problems;
}

function modelProblems(m: Fact<'MODEL'>, graph: FactGraph): FactProblem[] {
  const problems: FactProblem[] = [];
  if (m.origin) {
    provenanceProblems(m.origin, 'origin', graph, problems);
    const problem = m.origin.review
      ? originProblem(m.origin)
      : 'an origin needs review: { verdict, reason }';
    if (problem) problems.push({ field: 'origin.review', message: problem });
  }
  (m.principles ?? []).forEach((p, i) => located(p.citations, `principles.${i}`, graph, problems));
  (m.derivedFrom ?? []).forEach((d, i) => {
    provenanceProblems(d, `derivedFrom.${i}`, graph, problems);
    const problem = d.review
      ? edgeProblem(d, m, graph.models.get(d.slug))
      : 'a lineage edge needs review: { verdict, reason }';
    if (problem) problems.push({ field: `derivedFrom.${i}.review`, message: problem });
  });
  return problems;
}
