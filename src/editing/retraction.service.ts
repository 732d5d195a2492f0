import { randomUUID } from 'node:crypto';
import type { AuthUser } from '../core/context';
import type { Executor } from '../core/db/executor';
import { noteRevision } from '../core/db/revision';
import { ConflictError, InvalidInputError, NotFoundError } from '../core/errors';
import type { ChangeRow } from './change.statements';
import type { FactType } from './editing-facts';
import { actorOf } from './editing-steps';
import {
  bumpRevision,
  checkRetraction,
  findRetraction,
  moveChange,
  openChange,
  recordRetraction,
  retract,
  type Run,
  wasRetracted,
} from './editing.repository';

/**
 * PUBLISHED → RETRACTED: the fact leaves the public graph, kept with the reason; `version` is the
 * fact's. Refused with CONFLICT when the fact is already retracted, when `version` is stale, and
 * while published facts rest on it (named in `dependants`: retract or update those first). The
 * graph's revision is bumped, so cached answers and indexes know.
 */
export async function retractFact(
  executor: Executor,
  user: AuthUser,
  type: FactType,
  key: string,
  version: number,
  reason: string,
): Promise<ChangeRow> {
  if (type === 'ZONE')
    throw new InvalidInputError('A zone’s county-level status is not retracted', [
      {
        field: 'type',
        message: 'propose an update of the ZONE with its new host and basis, quoted, instead',
      },
    ]);
  let revision: number | null = null;
  const retracted = await executor.writeTx(async (run) => {
    revision = null; // the driver may run this again after a transient fault
    const check = await checkRetraction(run, type, key);
    const before = check?.before ?? null;
    if (before !== version) {
      // A retry of a retraction this caller made of this version answers with it.
      const again = await findRetraction(run, type, key, version, user.id);
      if (again) return again;
    }
    if (!check) throw await notPublished(run, type, key);
    if (before !== version)
      throw new ConflictError(
        `${type} "${key}" is at version ${before}, not ${version}: reload it and try again`,
        undefined,
        { version: before },
      );
    if (check.dependants.length > 0) throw restedOn(type, key, check.dependants);
    await retract(run, type, key, reason, actorOf(user));
    await closeOrphanedUpdate(run, type, key, reason, user);
    revision = await bumpRevision(run);
    return recordRetraction(run, { id: randomUUID(), type, key, version, reason }, actorOf(user));
  }, 'fact-retract');
  if (revision !== null) noteRevision(executor, revision);
  return retracted;
}

/**
 * An update open on a fact being retracted could never be published: it is withdrawn with the
 * retraction, saying why.
 */
async function closeOrphanedUpdate(
  run: Run,
  type: FactType,
  key: string,
  reason: string,
  user: AuthUser,
): Promise<void> {
  const change = await openChange(run, type, key);
  if (change?.op !== 'UPDATE') return;
  const why = `the fact it updates was retracted: ${reason}`;
  const closed = { id: change.id, to: 'WITHDRAWN', from: change.status, action: 'CLOSE' };
  await moveChange(run, { ...closed, reason: why, close: true }, actorOf(user));
}

/**
 * A fact that is not published: retracted already (CONFLICT, its state forbids the step) or never
 * published (NOT_FOUND).
 */
async function notPublished(run: Run, type: FactType, key: string): Promise<Error> {
  if (await wasRetracted(run, type, key)) {
    return new ConflictError(`${type} "${key}" is already retracted`, undefined, {
      status: 'RETRACTED',
    });
  }
  return new NotFoundError(type, key);
}

/**
 * The refusal to retract what published facts rest on, naming them (the first 20, sorted, and how
 * many).
 */
function restedOn(type: FactType, key: string, dependants: readonly string[]): ConflictError {
  const names = [...new Set(dependants)].sort();
  const shown = names.slice(0, 20);
  const more = names.length > shown.length ? ` and ${names.length - shown.length} more` : '';
  return new ConflictError(
    `${type} "${key}" cannot be retracted while published facts rest on it: ${shown.join(', ')}${more}. Retract or update those first.`,
    undefined,
    { dependants: shown, dependantCount: names.length },
  );
}
