import { randomUUID } from 'node:crypto';
import type { AuthUser } from '../core/context';
import type { Executor } from '../core/db/executor';
import { noteRevision } from '../core/db/revision';
import { ConflictError, InvalidInputError, NotFoundError } from '../core/errors';
import { membersOf, publishOrder } from './change-set-overlay';
import type { ChangeSetRow } from './change-set.statements';
import { actorOf } from './editing-steps';
import {
  createChangeSet as createSet,
  lockChangeSet,
  markChangeSet,
  moveChange,
  readChangeSet,
  type Run,
  setMembers,
} from './editing.repository';
import { publishFact } from './review.service';

/**
 * A change set: the changes one report's drafts became. An editor opens one and proposes into it;
 * the set is submitted and reviewed together, and a reviewer publishes it whole, in one
 * transaction: every member or none.
 */

export async function openChangeSet(
  executor: Executor,
  user: AuthUser,
  set: { title: string; sourceId?: string | null; notes?: readonly string[] },
  clientMutationId: string | null,
): Promise<ChangeSetRow> {
  const requestKey = clientMutationId ? `${user.id}:${clientMutationId}` : null;
  if (requestKey) {
    const again = await readChangeSet(executor, { requestKey });
    if (again) return again;
  }
  const row = { id: randomUUID(), title: set.title, sourceId: set.sourceId ?? null };
  return executor.writeTx(
    (run) => createSet(run, { ...row, notes: set.notes ?? [], requestKey }, actorOf(user)),
    'change-set-create',
  );
}

/** The set locked, at the version its caller saw; a set no longer open is CONFLICT. */
async function lockedSet(run: Run, id: string, version: number): Promise<ChangeSetRow> {
  const set = await lockChangeSet(run, id);
  if (!set) throw new NotFoundError('ChangeSet', id);
  if (set.status !== 'OPEN')
    throw new ConflictError(`Change set ${id} is ${set.status}`, undefined, {
      changeSetId: id,
      status: set.status,
    });
  if (set.version !== version)
    throw new ConflictError(
      `Change set ${id} is at version ${set.version}, not ${version}: reload it and try again`,
      undefined,
      { changeSetId: id, version: set.version },
    );
  return set;
}

/** Every DRAFT member → IN_REVIEW. A set with no draft left is answered as it is. */
export function submitChangeSet(
  executor: Executor,
  user: AuthUser,
  id: string,
  version: number,
): Promise<ChangeSetRow> {
  return executor.writeTx(async (run) => {
    const current = await lockChangeSet(run, id);
    const drafts = (await setMembers(run, id)).filter((c) => c.status === 'DRAFT');
    if (current && drafts.length === 0 && current.status === 'OPEN') return current;
    await lockedSet(run, id, version);
    for (const c of drafts) {
      const step = { id: c.id, to: 'IN_REVIEW', from: 'DRAFT', action: 'SUBMIT', reason: null };
      await moveChange(run, step, actorOf(user));
    }
    return (await lockChangeSet(run, id))!;
  }, 'change-set-submit');
}

/**
 * Publishes every open member, dependencies first, each checked again against the graph as the
 * members before it left it; any refusal rolls the whole set back. A retry of a publication that
 * took effect (the set PUBLISHED from the version given) answers with the set and writes nothing.
 */
export async function publishChangeSet(
  executor: Executor,
  user: AuthUser,
  id: string,
  version: number,
): Promise<ChangeSetRow> {
  let revision: number | null = null;
  const published = await executor.writeTx(async (run) => {
    revision = null; // the driver may run this again after a transient fault
    const seen = await lockChangeSet(run, id);
    if (seen?.status === 'PUBLISHED' && seen.publishedFrom === version) return seen;
    await lockedSet(run, id, version);
    const members = membersOf(await setMembers(run, id));
    const drafts = members.filter((m) => m.change.status !== 'IN_REVIEW');
    if (drafts.length > 0)
      throw new ConflictError(
        `Change set ${id} has changes not submitted for review: ${drafts.map((m) => `${m.type} ${m.change.factKey}`).join(', ')}`,
        undefined,
        { changeSetId: id, changeIds: drafts.map((m) => m.change.id) },
      );
    if (members.length === 0)
      throw new InvalidInputError('Nothing to publish', [
        { field: 'id', message: 'the set has no open change' },
      ]);
    const order = publishOrder(members);
    if ('cycle' in order)
      throw new InvalidInputError('The set’s changes rest on each other in a circle', [
        { field: 'id', message: `a cycle: ${order.cycle.join(' → ')}` },
      ]);
    for (const m of order) {
      revision = await publishFact(run, user, m.change);
      const done = { id: m.change.id, to: 'PUBLISHED', from: 'IN_REVIEW', action: 'PUBLISH' };
      await moveChange(run, { ...done, reason: null, close: true }, actorOf(user));
    }
    return markChangeSet(run, id, 'PUBLISHED', version);
  }, 'change-set-publish');
  if (revision !== null) noteRevision(executor, revision);
  return published;
}
