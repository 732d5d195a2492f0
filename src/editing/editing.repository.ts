import { decodeRows } from '../core/db/decode-rows';
import type { CypherQuery, DecodedQuery, Executor, Row } from '../core/db/executor';
import { bumpRevisionQuery } from '../core/db/revision';
import { IntegrityError } from '../core/errors';
import {
  changeSetByQuery,
  type ChangeSetRow,
  createChangeSetQuery,
  lockChangeSetQuery,
  markChangeSetQuery,
  membersQuery,
  type NewChangeSet,
} from './change-set.statements';
import {
  type Actor,
  changeByQuery,
  type ChangeRow,
  createChangeQuery,
  lockChangeQuery,
  type NewChange,
  retractionByQuery,
  retractionChangeQuery,
  stepTakenQuery,
  targetOf,
  type Transition,
  transitionQuery,
} from './change.statements';
import type { Fact, FactType } from './editing-facts';
import { factGraphQuery, type FactGraphRow } from './fact-graph.statements';
import { retractCheckQuery, retractQuery, wasRetractedQuery } from './retraction.statements';

/**
 * The editing module's statements run inside a write transaction (`executor.writeTx`'s `run`),
 * each row it reads back decoded by its statement's schema like a read's: a malformed row is an
 * INTEGRITY_ERROR here, never a value typed wrong further on.
 */

/** A write transaction's runner: plain rows, decoded here. */
export type Run = (query: CypherQuery) => Promise<Row[]>;

/** The statement's rows, decoded. */
async function rows<T>(run: Run, query: DecodedQuery<T>, label: string): Promise<T[]> {
  return decodeRows(query.row, await run(query), label);
}

/** The statement's first row, decoded, if it returned one. */
async function first<T>(run: Run, query: DecodedQuery<T>, label: string): Promise<T | undefined> {
  return (await rows(run, query, label))[0];
}

/**
 * The statement's one row, decoded: a statement that must answer and did not is an integrity fault.
 */
async function only<T>(run: Run, query: DecodedQuery<T>, label: string): Promise<T> {
  const row = await first(run, query, label);
  if (row === undefined) throw new IntegrityError(`a ${label} statement returned no row`);
  return row;
}

/** Reads outside a transaction: decoded by the executor. */
export async function readChange(
  executor: Executor,
  by: Parameters<typeof changeByQuery>[0],
  label: string,
): Promise<ChangeRow | undefined> {
  return (await executor.read(changeByQuery(by), label))[0]?.c;
}

export async function readFactGraphNow(
  executor: Executor,
  type: FactType,
  fact: Fact,
  key: string,
): Promise<FactGraphRow> {
  const [row] = await executor.read(factGraphQuery(type, fact, key), 'fact-check');
  if (!row) throw new IntegrityError('the check of a proposed fact returned no row');
  return row;
}

/** The change by id, request key or open target, if there is one. */
export async function findChange(
  run: Run,
  by: Parameters<typeof changeByQuery>[0],
): Promise<ChangeRow | undefined> {
  return (await first(run, changeByQuery(by), 'change-by'))?.c;
}

/** The change open on a fact, if any. */
export const openChange = (run: Run, type: FactType, key: string) =>
  findChange(run, { openTarget: targetOf(type, key) });

export async function createChange(run: Run, change: NewChange, actor: Actor): Promise<ChangeRow> {
  return (await only(run, createChangeQuery(change, actor), 'change-create')).c;
}

/** Locks the change; undefined when there is none. */
export async function lockChange(run: Run, id: string): Promise<ChangeRow | undefined> {
  return (await first(run, lockChangeQuery(id), 'change-lock'))?.c;
}

/** Whether `by` already took this step on the change at `version`. */
export async function stepTaken(
  run: Run,
  id: string,
  version: number,
  action: string,
  by: string,
): Promise<boolean> {
  return (await only(run, stepTakenQuery(id, version, action, by), 'change-step')).taken;
}

export async function moveChange(run: Run, t: Transition, actor: Actor): Promise<ChangeRow> {
  return (await only(run, transitionQuery(t, actor), 'change-transition')).c;
}

/** What checking the fact needs from the graph as it is now. */
export function readFactGraph(
  run: Run,
  type: FactType,
  fact: Fact,
  key: string,
): Promise<FactGraphRow> {
  return only(run, factGraphQuery(type, fact, key), 'fact-check');
}

/** The retraction `by` made of the fact at `version`, if any. */
export async function findRetraction(
  run: Run,
  type: FactType,
  key: string,
  version: number,
  by: string,
): Promise<ChangeRow | undefined> {
  return (await first(run, retractionByQuery(type, key, version, by), 'retraction-by'))?.c;
}

/**
 * Locks the published fact: its version and what rests on it; undefined when it is not published.
 */
export const checkRetraction = (run: Run, type: FactType, key: string) =>
  first(run, retractCheckQuery(type, key), 'retract-check');

export async function wasRetracted(run: Run, type: FactType, key: string): Promise<boolean> {
  return (await only(run, wasRetractedQuery(type, key), 'was-retracted')).retracted;
}

/** Retracts the fact, checked first by `checkRetraction` in the same transaction. */
export async function retract(
  run: Run,
  type: FactType,
  key: string,
  reason: string,
  actor: Actor,
): Promise<void> {
  await run(retractQuery(type, key, reason, actor));
}

/** The record of a retraction of the fact at `version`: a change RETRACTED from the start. */
export async function recordRetraction(
  run: Run,
  r: { id: string; type: FactType; key: string; version: number; reason: string },
  actor: Actor,
): Promise<ChangeRow> {
  const query = retractionChangeQuery(r.id, r.type, r.key, r.version, r.reason, actor);
  return (await only(run, query, 'retraction-create')).c;
}

/** Bumps the graph's revision in the transaction; the new revision. */
export async function bumpRevision(run: Run): Promise<number> {
  return (await only(run, bumpRevisionQuery(), 'revision-bump')).revision;
}

/** A change set by id or request key, read outside a transaction. */
export async function readChangeSet(
  executor: Executor,
  by: Parameters<typeof changeSetByQuery>[0],
): Promise<ChangeSetRow | undefined> {
  return (await executor.read(changeSetByQuery(by), 'change-set-by'))[0]?.s;
}

export async function createChangeSet(
  run: Run,
  set: NewChangeSet,
  actor: Actor,
): Promise<ChangeSetRow> {
  return (await only(run, createChangeSetQuery(set, actor), 'change-set-create')).s;
}

/** Locks the set; undefined when there is none. */
export async function lockChangeSet(run: Run, id: string): Promise<ChangeSetRow | undefined> {
  return (await first(run, lockChangeSetQuery(id), 'change-set-lock'))?.s;
}

/** The members of the set, oldest first, in the transaction. */
export async function setMembers(run: Run, id: string): Promise<ChangeRow[]> {
  return (await rows(run, membersQuery([id]), 'change-set-members')).map((r) => r.c);
}

export async function markChangeSet(
  run: Run,
  id: string,
  status: 'PUBLISHED' | 'CLOSED',
  publishedFrom: number | null,
): Promise<ChangeSetRow> {
  return (await only(run, markChangeSetQuery(id, status, publishedFrom), 'change-set-mark')).s;
}
