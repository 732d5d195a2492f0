import { z } from 'zod';
import { cypherInt } from '../core/db/convert';
import type { CypherQuery, DecodedQuery } from '../core/db/executor';
import { DEFAULT_SOURCE } from '../facts/citations';
import { type Fact, FACT_NODES, factReferences, type FactType, linkEnds } from './editing-facts';
import { citedSources } from './editing.validate';

/** Cypher of the editing module: proposals (Change), their events, and what a fact refers to. */

const str = z.string();
const optStr = z
  .string()
  .nullable()
  .optional()
  .transform((v) => v ?? null);
const int = z.number().int();

export const CHANGE_ROW = z.object({
  id: str,
  factType: str,
  factKey: str,
  op: str,
  status: str,
  version: int,
  fact: optStr,
  baseVersion: z
    .number()
    .nullable()
    .optional()
    .transform((v) => v ?? null),
  createdBy: str,
  createdByName: str,
  createdAt: str,
  updatedAt: str,
  decidedBy: optStr,
  decidedAt: optStr,
  reason: optStr,
  requestKey: optStr,
});
export type ChangeRow = z.output<typeof CHANGE_ROW>;

const CHANGE = `c {.id, .factType, .factKey, .op, .status, .version, .fact, .baseVersion, .createdBy, .createdByName, createdAt: toString(c.createdAt),
  updatedAt: toString(c.updatedAt), .decidedBy, decidedAt: toString(c.decidedAt), .reason, .requestKey}`;

/** `target` names what a change is about: one open change per target at a time (a constraint). */
export const targetOf = (type: FactType, key: string) => `${type}:${key}`;

export const CHANGE_CONSTRAINTS: CypherQuery[] = [
  {
    cypher:
      'CREATE CONSTRAINT change_id_unique IF NOT EXISTS FOR (c:Change) REQUIRE c.id IS UNIQUE',
  },
  {
    cypher:
      'CREATE CONSTRAINT change_open_unique IF NOT EXISTS FOR (c:Change) REQUIRE c.openTarget IS UNIQUE',
  },
  {
    cypher:
      'CREATE CONSTRAINT change_request_unique IF NOT EXISTS FOR (c:Change) REQUIRE c.requestKey IS UNIQUE',
  },
  { cypher: 'CREATE INDEX change_target IF NOT EXISTS FOR (c:Change) ON (c.target)' },
  { cypher: 'CREATE INDEX change_status IF NOT EXISTS FOR (c:Change) ON (c.status)' },
];

/** The event that records who did what to a change, and when. */
const EVENT = `CREATE (:ChangeEvent {at: datetime(), by: $by, byName: $byName, action: $action, from: $from, to: c.status, reason: $reason, version: c.version})-[:ON]->(c)`;

export interface Actor {
  readonly by: string;
  readonly byName: string;
}

export interface NewChange {
  readonly id: string;
  readonly factType: FactType;
  readonly factKey: string;
  readonly op: 'CREATE' | 'UPDATE';
  readonly fact: string;
  readonly baseVersion: number | null;
  readonly requestKey: string | null;
}

/** A new DRAFT: it holds its target open, so a second proposal about the same thing is refused. */
export const createChangeQuery = (c: NewChange, actor: Actor): DecodedQuery<{ c: ChangeRow }> => ({
  cypher: `CREATE (c:Change {id: $id, factType: $factType, factKey: $factKey, target: $target, openTarget: $target, op: $op, status: 'DRAFT', version: 1,
      fact: $fact, baseVersion: $baseVersion, requestKey: $requestKey, createdBy: $by, createdByName: $byName, createdAt: datetime(), updatedAt: datetime()})
    WITH c ${EVENT}
    RETURN ${CHANGE} AS c`,
  params: {
    ...c,
    target: targetOf(c.factType, c.factKey),
    ...actor,
    action: 'CREATE',
    from: null,
    reason: null,
  },
  row: z.object({ c: CHANGE_ROW }),
});

export const changeByQuery = (by: {
  id?: string;
  requestKey?: string;
  openTarget?: string;
}): DecodedQuery<{ c: ChangeRow }> => {
  const [prop, value] = by.id
    ? ['id', by.id]
    : by.requestKey
      ? ['requestKey', by.requestKey]
      : ['openTarget', by.openTarget];
  return {
    cypher: `MATCH (c:Change {${prop}: $value}) RETURN ${CHANGE} AS c`,
    params: { value },
    row: z.object({ c: CHANGE_ROW }),
  };
};

/** Locks the change (a write takes its lock, so the version read next is the latest committed one). */
export const lockChangeQuery = (id: string): CypherQuery => ({
  cypher: `MATCH (c:Change {id: $id}) SET c.locked = true REMOVE c.locked RETURN ${CHANGE} AS c`,
  params: { id },
});

/**
 * Whether `by` took this step on the change at `version` (its event then carries the next
 * version): a retry of a step that took effect, which answers with the change, not CONFLICT.
 */
export const stepTakenQuery = (
  id: string,
  version: number,
  action: string,
  by: string,
): DecodedQuery<{ taken: boolean }> => ({
  cypher: `RETURN EXISTS { MATCH (:Change {id: $id})<-[:ON]-(e:ChangeEvent) WHERE e.version = $next AND e.action = $action AND e.by = $by } AS taken`,
  params: { id, next: version + 1, action, by },
  row: z.object({ taken: z.boolean() }),
});

/** The retraction `by` made of a fact at `baseVersion`, if any: a retried retraction answers with it. */
export const retractionByQuery = (
  type: FactType,
  key: string,
  baseVersion: number,
  by: string,
): DecodedQuery<{ c: ChangeRow }> => ({
  cypher: `MATCH (c:Change {target: $target}) WHERE c.op = 'RETRACT' AND c.baseVersion = $baseVersion AND c.createdBy = $by
    RETURN ${CHANGE} AS c ORDER BY c.createdAt DESC LIMIT 1`,
  params: { target: targetOf(type, key), baseVersion, by },
  row: z.object({ c: CHANGE_ROW }),
});

export interface Transition {
  readonly id: string;
  readonly to: string;
  readonly action: string;
  readonly from: string;
  readonly reason: string | null;
  readonly fact?: string;
  /** Closing a change frees its target for the next proposal. */
  readonly close?: boolean;
}

/** Moves a locked change to its next state, bumping its version and recording the event. */
export const transitionQuery = (t: Transition, actor: Actor): CypherQuery => ({
  cypher: `MATCH (c:Change {id: $id})
    SET c.status = $to, c.version = c.version + 1, c.updatedAt = datetime(), c.reason = coalesce($reason, c.reason), c.fact = coalesce($fact, c.fact)
    FOREACH (_ IN CASE WHEN $decided THEN [1] ELSE [] END | SET c.decidedBy = $by, c.decidedAt = datetime())
    FOREACH (_ IN CASE WHEN $close THEN [1] ELSE [] END | REMOVE c.openTarget)
    WITH c ${EVENT}
    RETURN ${CHANGE} AS c`,
  params: {
    ...t,
    fact: t.fact ?? null,
    close: t.close ?? false,
    decided: t.to === 'PUBLISHED' || t.to === 'WITHDRAWN' || t.action === 'RETURN',
    ...actor,
  },
});

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
      ? 'head(COLLECT { MATCH (:GovernanceModel {slug: $from})-[d:DERIVED_FROM]->(:GovernanceModel {slug: $to}) RETURN {version: coalesce(d.version, 1)} })'
      : `head(COLLECT { MATCH (n:${FACT_NODES[type].label} {${FACT_NODES[type].key}: $key}) RETURN {version: coalesce(n.version, 1)} })`;
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

const PAGE = z.object({ total: z.number(), items: z.array(CHANGE_ROW) });

/** Changes in the given states, most recently touched first (an editor's queue). */
export const changesQuery = (
  statuses: readonly string[],
  skip: number,
  limit: number,
): DecodedQuery<z.output<typeof PAGE>> => ({
  cypher: `CALL () { MATCH (c:Change) WHERE c.status IN $statuses RETURN count(c) AS total }
    CALL () { MATCH (c:Change) WHERE c.status IN $statuses WITH c ORDER BY c.updatedAt DESC, c.id SKIP $skip LIMIT $limit RETURN collect(${CHANGE}) AS items }
    RETURN total, items`,
  params: { statuses, skip: cypherInt(skip), limit: cypherInt(limit) },
  row: PAGE,
});

/** Every change ever made to one fact, newest first: its history. */
export const historyQuery = (type: FactType, key: string): DecodedQuery<{ c: ChangeRow }> => ({
  cypher: `MATCH (c:Change {target: $target}) WITH c ORDER BY c.createdAt DESC, c.id RETURN ${CHANGE} AS c`,
  params: { target: targetOf(type, key) },
  row: z.object({ c: CHANGE_ROW }),
});

const EVENTS = z.object({
  id: str,
  events: z.array(
    z.object({
      at: str,
      by: str,
      action: str,
      from: optStr,
      to: str,
      reason: optStr,
      version: int,
    }),
  ),
});

/** The events of many changes, oldest first, in one statement. */
export const eventsQuery = (ids: readonly string[]): DecodedQuery<z.output<typeof EVENTS>> => ({
  cypher: `UNWIND $ids AS id MATCH (c:Change {id: id})
    RETURN id, COLLECT { MATCH (e:ChangeEvent)-[:ON]->(c) WITH e ORDER BY e.at, e.version
      RETURN {at: toString(e.at), by: e.byName, action: e.action, from: e.from, to: e.to, reason: e.reason, version: e.version} } AS events`,
  params: { ids },
  row: EVENTS,
});

/** The record of a retraction: a change that is RETRACTED from the start, with its event. */
export const retractionChangeQuery = (
  id: string,
  type: FactType,
  key: string,
  baseVersion: number,
  reason: string,
  actor: Actor,
): DecodedQuery<{ c: ChangeRow }> => ({
  cypher: `CREATE (c:Change {id: $id, factType: $factType, factKey: $factKey, target: $target, op: 'RETRACT', status: 'RETRACTED', version: 1, fact: null,
      baseVersion: $baseVersion, reason: $reason, createdBy: $by, createdByName: $byName, createdAt: datetime(), updatedAt: datetime(), decidedBy: $by, decidedAt: datetime()})
    WITH c ${EVENT}
    RETURN ${CHANGE} AS c`,
  params: {
    id,
    factType: type,
    factKey: key,
    target: targetOf(type, key),
    baseVersion,
    reason,
    ...actor,
    action: 'RETRACT',
    from: 'PUBLISHED',
  },
  row: z.object({ c: CHANGE_ROW }),
});

/** The current version of a published fact (null when there is none): what an update or a retraction is based on. */
export function factVersionQuery(
  type: FactType,
  key: string,
): DecodedQuery<{ version: number | null }> {
  const cypher =
    type === 'LINEAGE_LINK'
      ? 'RETURN head(COLLECT { MATCH (:GovernanceModel {slug: $from})-[d:DERIVED_FROM]->(:GovernanceModel {slug: $to}) RETURN coalesce(d.version, 1) }) AS version'
      : `RETURN head(COLLECT { MATCH (n:${FACT_NODES[type].label} {${FACT_NODES[type].key}: $key}) RETURN coalesce(n.version, 1) }) AS version`;
  return {
    cypher,
    params: { key, ...linkEnds(key) },
    row: z.object({ version: z.number().nullable() }),
  };
}
