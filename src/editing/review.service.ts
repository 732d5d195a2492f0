import type { AuthUser } from '../core/context';
import type { Executor } from '../core/db/executor';
import { noteRevision } from '../core/db/revision';
import { ConflictError } from '../core/errors';
import type { ChangeRow } from './change.statements';
import type { FactType } from './editing-facts';
import { actorOf, checkedFact, lockedChange } from './editing-steps';
import { bumpRevision, moveChange, readFactGraph, type Run } from './editing.repository';
import { publishStatements } from './publish.statements';

/**
 * The reviewer's side: a change IN_REVIEW is published (its fact enters the public graph) or
 * returned.
 */

/** IN_REVIEW → DRAFT, with the reviewer's reason. */
export function returnChange(
  executor: Executor,
  user: AuthUser,
  id: string,
  version: number,
  reason: string,
): Promise<ChangeRow> {
  return executor.writeTx(async (run) => {
    const { change, repeated } = await lockedChange(run, user, id, version, ['IN_REVIEW'], {
      action: 'RETURN',
      past: 'returned',
    });
    if (repeated) return change;
    const returned = { id, to: 'DRAFT', from: 'IN_REVIEW', action: 'RETURN', reason };
    return moveChange(run, returned, actorOf(user));
  }, 'change-return');
}

/**
 * IN_REVIEW → PUBLISHED: checks the fact again against the graph as it is now, refuses it if its
 * fact has moved on since it was proposed (CONFLICT), writes it and the change's new state in one
 * transaction, and bumps the graph's revision, so cached answers and indexes know: this process's
 * at once, the others' within a second.
 */
export async function publishChange(
  executor: Executor,
  user: AuthUser,
  id: string,
  version: number,
): Promise<ChangeRow> {
  let revision: number | null = null;
  const published = await executor.writeTx(async (run) => {
    revision = null; // the driver may run this again after a transient fault
    const { change, repeated } = await lockedChange(run, user, id, version, ['IN_REVIEW'], {
      action: 'PUBLISH',
      past: 'published',
    });
    if (repeated) return change;
    revision = await publishFact(run, user, change);
    const done = { id, to: 'PUBLISHED', from: 'IN_REVIEW', action: 'PUBLISH', reason: null };
    return moveChange(run, { ...done, close: true }, actorOf(user));
  }, 'change-publish');
  if (revision !== null) noteRevision(executor, revision);
  return published;
}

/** Writes the change's fact, checked again, as its next version; the graph's new revision. */
export async function publishFact(run: Run, user: AuthUser, change: ChangeRow): Promise<number> {
  const type = change.factType as FactType;
  const { fact, key, graph } = await checkedFact(
    (f, k) => readFactGraph(run, type, f, k),
    type,
    JSON.parse(change.fact ?? '{}'),
  );
  const current = graph.target?.version ?? null;
  refuseMovedOn(change, type, key, current);
  const texts = new Map(graph.sources.map((s) => [s.id, s.text]));
  for (const q of publishStatements(type, fact, key, (current ?? 0) + 1, texts, actorOf(user)))
    await run(q);
  return bumpRevision(run);
}

/** A change whose fact moved on since it was proposed cannot be published: CONFLICT. */
function refuseMovedOn(change: ChangeRow, type: FactType, key: string, current: number | null) {
  if (change.op === 'CREATE' && current !== null)
    throw new ConflictError(
      `${type} "${key}" was created by another change since this one was proposed: propose an update instead`,
      undefined,
      { changeId: change.id },
    );
  if (change.op === 'UPDATE' && current !== change.baseVersion) {
    throw new ConflictError(
      `${type} "${key}" is at version ${current ?? 'none'} now, not ${change.baseVersion}: propose the update again from the current fact`,
      undefined,
      { changeId: change.id },
    );
  }
}
