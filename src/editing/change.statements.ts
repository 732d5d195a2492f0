import { z } from 'zod';
import type { CypherQuery, DecodedQuery } from '../core/db/executor';
import type { FactType } from './editing-facts';

/** Cypher of a change (a proposal) and its events: created, looked up, locked, moved on. */

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
  setId: optStr,
  confidence: z
    .number()
    .nullable()
    .optional()
    .transform((v) => v ?? null),
  draftReason: optStr,
});
export type ChangeRow = z.output<typeof CHANGE_ROW>;
/** A row holding one change. */
const ONE = z.object({ c: CHANGE_ROW });

/** A change projected as CHANGE_ROW reads it. */
export const CHANGE = `c {.id, .factType, .factKey, .op, .status, .version, .fact, .baseVersion, .createdBy, .createdByName, createdAt: toString(c.createdAt),
  updatedAt: toString(c.updatedAt), .decidedBy, decidedAt: toString(c.decidedAt), .reason, .requestKey, .setId, .confidence, .draftReason}`;

/** `target` names what a change is about: one open change per target at a time (a constraint). */
export const targetOf = (type: FactType, key: string) => `${type}:${key}`;

export const CHANGE_CONSTRAINTS: CypherQuery[] = [
  {
    cypher:
      'CREATE CONSTRAINT change_id_unique IF NOT EXISTS FOR (c:Change) REQUIRE c.id IS UNIQUE',
  },
  {
    cypher:
      'CREATE CONSTRAINT change_open_unique IF NOT EXISTS FOR (c:Change) REQUIRE c.openTarget ' +
      'IS UNIQUE',
  },
  {
    cypher:
      'CREATE CONSTRAINT change_request_unique IF NOT EXISTS FOR (c:Change) REQUIRE ' +
      'c.requestKey IS UNIQUE',
  },
  { cypher: 'CREATE INDEX change_target IF NOT EXISTS FOR (c:Change) ON (c.target)' },
  { cypher: 'CREATE INDEX change_status IF NOT EXISTS FOR (c:Change) ON (c.status)' },
];

/** The event that records who did what to a change, and when. */
const EVENT = `CREATE (:ChangeEvent {at: datetime(), by: $by, byName: $byName, action: $action, from: $from, to: c.status, reason: $reason, version: c.version})-[:ON]->(c)
    WITH c CALL (c) { MATCH (s:ChangeSet {id: c.setId}) SET s.version = s.version + 1, s.updatedAt = datetime() }`;

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
  /** The change set it belongs to, and the drafter's confidence and reason, if drafted. */
  readonly setId?: string | null;
  readonly confidence?: number | null;
  readonly draftReason?: string | null;
}

/** A new DRAFT: it holds its target open, so a second proposal about the same thing is refused. */
export const createChangeQuery = (c: NewChange, actor: Actor): DecodedQuery<{ c: ChangeRow }> => ({
  cypher: `CREATE (c:Change {id: $id, factType: $factType, factKey: $factKey, target: $target, openTarget: $target, op: $op, status: 'DRAFT', version: 1,
      fact: $fact, baseVersion: $baseVersion, requestKey: $requestKey, setId: $setId, confidence: $confidence, draftReason: $draftReason, createdBy: $by, createdByName: $byName, createdAt: datetime(), updatedAt: datetime()})
    WITH c ${EVENT}
    RETURN ${CHANGE} AS c`,
  params: {
    ...c,
    setId: c.setId ?? null,
    confidence: c.confidence ?? null,
    draftReason: c.draftReason ?? null,
    target: targetOf(c.factType, c.factKey),
    ...actor,
    action: 'CREATE',
    from: null,
    reason: null,
  },
  row: ONE,
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
    row: ONE,
  };
};

/**
 * Locks the change (a write takes its lock, so the version read next is the latest committed one).
 */
export const lockChangeQuery = (id: string): DecodedQuery<{ c: ChangeRow }> => ({
  cypher: `MATCH (c:Change {id: $id}) SET c.locked = true REMOVE c.locked RETURN ${CHANGE} AS c`,
  params: { id },
  row: ONE,
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

/**
 * The retraction `by` made of a fact at `baseVersion`, if any: a retried retraction answers with
 * it.
 */
export const retractionByQuery = (
  type: FactType,
  key: string,
  baseVersion: number,
  by: string,
): DecodedQuery<{ c: ChangeRow }> => ({
  cypher: `MATCH (c:Change {target: $target}) WHERE c.op = 'RETRACT' AND c.baseVersion = $baseVersion AND c.createdBy = $by
    RETURN ${CHANGE} AS c ORDER BY c.createdAt DESC LIMIT 1`,
  params: { target: targetOf(type, key), baseVersion, by },
  row: ONE,
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
export const transitionQuery = (t: Transition, actor: Actor): DecodedQuery<{ c: ChangeRow }> => ({
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
  row: ONE,
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
  row: ONE,
});
