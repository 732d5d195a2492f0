import { randomUUID } from 'node:crypto';
import { type AuthUser, hasRole } from '../core/context';
import type { Executor } from '../core/db/executor';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '../core/errors';
import { type Member, membersOf, overlaySet } from './change-set-overlay';
import { membersQuery, setSourceQuery } from './change-set.statements';
import { type ChangeRow, type NewChange, targetOf } from './change.statements';
import type { FactType } from './editing-facts';
import { actorOf, checkedFact, lockedChange } from './editing-steps';
import {
  createChange,
  lockChangeSet,
  markChangeSet,
  moveChange,
  readChange,
  readChangeSet,
  readFactGraph,
  readFactGraphNow,
  type Run,
  setMembers,
} from './editing.repository';

/**
 * The editor's side of a proposal: an editor proposes a fact (DRAFT), revises and submits it
 * (IN_REVIEW), or withdraws it. A reviewer decides it (review.service.ts).
 */

/** Proposes a fact as a DRAFT. A retry with the same clientMutationId returns the same change. */
export async function proposeFact(
  executor: Executor,
  user: AuthUser,
  type: FactType,
  raw: unknown,
  clientMutationId: string | null,
  drafted: Drafted = {},
): Promise<ChangeRow> {
  const requestKey = clientMutationId ? `${user.id}:${clientMutationId}` : null;
  if (requestKey) {
    const again = await readChange(executor, { requestKey }, 'change-by-request');
    if (again) return again;
  }
  const members = drafted.setId ? await openSetMembers(executor, drafted.setId) : [];
  const { fact, key, graph } = await checkedFact(
    async (f, k) => overlaySet(await readFactGraphNow(executor, type, f, k), type, f, members),
    type,
    raw,
  );
  const change: NewChange = {
    setId: drafted.setId ?? null,
    confidence: drafted.confidence ?? null,
    draftReason: drafted.reason ?? null,
    id: randomUUID(),
    factType: type,
    factKey: key,
    op: graph.target ? 'UPDATE' : 'CREATE',
    fact: JSON.stringify(fact),
    baseVersion: graph.target?.version ?? null,
    requestKey,
  };
  try {
    return await executor.writeTx(async (run) => {
      const created = await createChange(run, change, actorOf(user));
      // A set's first source is its report's.
      if (change.setId && type === 'SOURCE') await run(setSourceQuery(change.setId, key));
      return created;
    }, 'change-create');
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    return openConflict(executor, user, change, error);
  }
}

/** A set whose every change was withdrawn is CLOSED: nothing is left in it to publish. */
async function closeIfEmpty(run: Run, setId: string): Promise<void> {
  const open = (await setMembers(run, setId)).filter((c) => OPEN.has(c.status));
  const set = await lockChangeSet(run, setId);
  if (open.length === 0 && set?.status === 'OPEN') await markChangeSet(run, setId, 'CLOSED', null);
}
const OPEN = new Set(['DRAFT', 'IN_REVIEW']);

/** Where a proposal comes from: a change set, and the drafter's confidence and reason. */
export interface Drafted {
  readonly setId?: string | null;
  readonly confidence?: number | null;
  readonly reason?: string | null;
}

/** The open members of an open set; a set that is not open takes no proposal. */
async function openSetMembers(executor: Executor, setId: string): Promise<Member[]> {
  const set = await readChangeSet(executor, { id: setId });
  if (!set) throw new NotFoundError('ChangeSet', setId);
  if (set.status !== 'OPEN')
    throw new ConflictError(
      `Change set ${setId} is ${set.status}: it takes no new change`,
      undefined,
      {
        changeSetId: setId,
      },
    );
  const rows = await executor.read(membersQuery([setId]), 'change-set-members');
  return membersOf(rows.map((r) => r.c));
}

/**
 * A proposal collided with another: the same request again — by its clientMutationId, or the
 * same caller proposing the same fact while its change is open — answers with that change;
 * another open change on the fact is CONFLICT naming it.
 */
async function openConflict(
  executor: Executor,
  user: AuthUser,
  proposed: NewChange,
  error: ConflictError,
): Promise<ChangeRow> {
  if (proposed.requestKey) {
    const same = await readChange(
      executor,
      { requestKey: proposed.requestKey },
      'change-by-request',
    );
    if (same) return same;
  }
  const openTarget = targetOf(proposed.factType, proposed.factKey);
  const open = await readChange(executor, { openTarget }, 'change-open');
  if (!open) throw error;
  if (open.createdBy === user.id && open.fact === proposed.fact && open.version === 1) return open;
  const what = `${proposed.factType} "${proposed.factKey}"`;
  throw new ConflictError(
    `${what} already has an open change (${open.id}, ${open.status}): revise that one, or withdraw it`,
    error,
    { changeId: open.id },
  );
}

/** Revises a DRAFT's fact (checked again). */
export function reviseDraft(
  executor: Executor,
  user: AuthUser,
  id: string,
  version: number,
  given: Record<string, unknown> | null | ((type: FactType) => Record<string, unknown>),
): Promise<ChangeRow> {
  return executor.writeTx(async (run) => {
    const { change, repeated } = await lockedChange(run, user, id, version, ['DRAFT'], {
      action: 'REVISE',
      past: 'revised',
    });
    if (repeated) return change;
    const type = change.factType as FactType;
    // A typed fact is read as the change's kind, known only now.
    const raw = typeof given === 'function' ? given(type) : given;
    const members = change.setId ? membersOf(await setMembers(run, change.setId)) : [];
    const { fact, key } = await checkedFact(
      async (f, k) => overlaySet(await readFactGraph(run, type, f, k), type, f, members),
      type,
      raw,
    );
    if (key !== change.factKey)
      throw new InvalidInputError("A revision must keep the fact's key", [
        { field: 'fact', message: `the key is ${key}, the change is about ${change.factKey}` },
      ]);
    const revised = { id, to: 'DRAFT', from: 'DRAFT', action: 'REVISE', reason: null };
    return moveChange(run, { ...revised, fact: JSON.stringify(fact) }, actorOf(user));
  }, 'change-revise');
}

/** DRAFT → IN_REVIEW. */
export function submitChange(
  executor: Executor,
  user: AuthUser,
  id: string,
  version: number,
): Promise<ChangeRow> {
  return executor.writeTx(async (run) => {
    const { change, repeated } = await lockedChange(run, user, id, version, ['DRAFT'], {
      action: 'SUBMIT',
      past: 'submitted',
    });
    if (repeated) return change;
    const submitted = { id, to: 'IN_REVIEW', from: 'DRAFT', action: 'SUBMIT', reason: null };
    return moveChange(run, submitted, actorOf(user));
  }, 'change-submit');
}

/**
 * DRAFT or IN_REVIEW → WITHDRAWN, with a reason: the change is closed (kept in the fact's history)
 * and the fact is free for a new proposal. Its proposer may withdraw it, or a reviewer.
 */
export function withdrawChange(
  executor: Executor,
  user: AuthUser,
  id: string,
  version: number,
  reason: string,
): Promise<ChangeRow> {
  return executor.writeTx(async (run) => {
    const { change, repeated } = await lockedChange(
      run,
      user,
      id,
      version,
      ['DRAFT', 'IN_REVIEW'],
      { action: 'WITHDRAW', past: 'withdrawn' },
    );
    if (repeated) return change;
    if (change.createdBy !== user.id && !hasRole(user, 'REVIEWER'))
      throw new ForbiddenError("Only the change's proposer or a reviewer may withdraw it");
    const withdrawn = { id, to: 'WITHDRAWN', from: change.status, action: 'WITHDRAW', reason };
    const moved = await moveChange(run, { ...withdrawn, close: true }, actorOf(user));
    if (change.setId) await closeIfEmpty(run, change.setId);
    return moved;
  }, 'change-withdraw');
}
