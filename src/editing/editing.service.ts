import { randomUUID } from 'node:crypto';
import { type AuthUser, hasRole } from '../core/context';
import type { CypherQuery, Executor, Row } from '../core/db/executor';
import { bumpRevisionQuery } from '../core/db/revision';
import {
  ConflictError,
  ForbiddenError,
  IntegrityError,
  InvalidInputError,
  NotFoundError,
} from '../core/errors';
import { noteGraphChanged } from '../core/graph-generation';
import { type Fact, factKey, factReferences, type FactType } from './editing-facts';
import { publishStatements } from './editing-publish';
import { retractCheckQuery, retractQuery, wasRetractedQuery } from './editing-retract';
import {
  type Actor,
  CHANGE_ROW,
  changeByQuery,
  type ChangeRow,
  createChangeQuery,
  factGraphQuery,
  type FactGraphRow,
  lockChangeQuery,
  type NewChange,
  retractionByQuery,
  retractionChangeQuery,
  stepTakenQuery,
  targetOf,
  transitionQuery,
} from './editing.repository';
import { factProblems, parseFact } from './editing.validate';

/**
 * Proposals and their review: an editor proposes a fact (DRAFT), revises and submits it
 * (IN_REVIEW); a reviewer publishes it (it enters the public graph, in one transaction with the
 * change's new state) or returns it. Each step names the change's version; a stale one is CONFLICT.
 */

const actorOf = (user: AuthUser): Actor => ({ by: user.id, byName: user.name });

/** The fact parsed and checked against the graph as it is now, or every problem with its path. */
async function checkedFact(
  read: (q: ReturnType<typeof factGraphQuery>) => Promise<FactGraphRow | undefined>,
  type: FactType,
  raw: unknown,
): Promise<{ fact: Fact; key: string; graph: FactGraphRow }> {
  const parsed = parseFact(type, raw);
  if ('problems' in parsed)
    throw new InvalidInputError(
      `The ${type} fact is not valid`,
      parsed.problems.map((p) => ({ ...p, field: p.field ? `fact.${p.field}` : 'fact' })),
    );
  const key = factKey(type, parsed.fact);
  const row = await read(factGraphQuery(type, parsed.fact, key));
  if (!row) throw new IntegrityError('the check of a proposed fact returned no row');
  const graph = {
    missing: factGraphRefs(type, parsed.fact, row),
    texts: new Map(row.sources.map((s) => [s.id, s.text])),
    published: new Map(row.sources.map((s) => [s.id, s.published.slice(0, 10)])),
    models: new Map(row.models.map((m) => [m.slug, { name: m.name, aliases: m.aliases }])),
    indicatorUnit: row.indicatorUnit,
  };
  const problems = factProblems(type, parsed.fact, graph);
  if (problems.length > 0)
    throw new InvalidInputError(
      `The ${type} fact cannot be published as it stands`,
      problems.map((p) => ({ ...p, field: p.field ? `fact.${p.field}` : 'fact' })),
    );
  return { fact: parsed.fact, key, graph: row };
}

/** The references the graph does not hold, from the existence flags in their order. */
function factGraphRefs(type: FactType, fact: Fact, row: FactGraphRow) {
  // factGraphQuery lists the references in factReferences' order, so index i matches.
  return factReferences(type, fact).filter((_, i) => !row.exists[i]);
}

/** Proposes a fact as a DRAFT. A retry with the same clientMutationId returns the same change. */
export async function proposeFact(
  executor: Executor,
  user: AuthUser,
  type: FactType,
  raw: unknown,
  clientMutationId: string | null,
): Promise<ChangeRow> {
  const requestKey = clientMutationId ? `${user.id}:${clientMutationId}` : null;
  if (requestKey) {
    const [again] = await executor.read(changeByQuery({ requestKey }), 'change-by-request');
    if (again) return again.c;
  }
  const { fact, key, graph } = await checkedFact(
    async (q) => (await executor.read(q, 'fact-check'))[0],
    type,
    raw,
  );
  const op = graph.target ? ('UPDATE' as const) : ('CREATE' as const);
  const change: NewChange = {
    id: randomUUID(),
    factType: type,
    factKey: key,
    op,
    fact: JSON.stringify(fact),
    baseVersion: graph.target?.version ?? null,
    requestKey,
  };
  try {
    return await executor.writeTx(
      async (run) => decode(await run(createChangeQuery(change, actorOf(user)))),
      'change-create',
    );
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    return openConflict(executor, user, change, error);
  }
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
    const [same] = await executor.read(
      changeByQuery({ requestKey: proposed.requestKey }),
      'change-by-request',
    );
    if (same) return same.c;
  }
  const [open] = await executor.read(
    changeByQuery({ openTarget: targetOf(proposed.factType, proposed.factKey) }),
    'change-open',
  );
  if (!open) throw error;
  if (open.c.createdBy === user.id && open.c.fact === proposed.fact && open.c.version === 1)
    return open.c;
  const what = `${proposed.factType} "${proposed.factKey}"`;
  throw new ConflictError(
    `${what} already has an open change (${open.c.id}, ${open.c.status}): revise that one, or withdraw it`,
    error,
    { changeId: open.c.id },
  );
}

type Run = (query: CypherQuery) => Promise<Row[]>;

/** A step on a locked change: the change as it is, and whether this caller has already taken the step (a retry). */
interface Locked {
  readonly change: ChangeRow;
  readonly repeated: boolean;
}

/**
 * Locks the change and checks it is where the caller thinks (its version) and may take this step
 * (its status). A step the same caller already took at that version is a retry: `repeated`, and
 * the caller answers with the change instead of taking the step again.
 */
async function lockedChange(
  run: Run,
  user: AuthUser,
  id: string,
  version: number,
  from: readonly string[],
  step: { action: string; past: string },
): Promise<Locked> {
  const [row] = await run(lockChangeQuery(id));
  if (!row) throw new NotFoundError('Change', id);
  const change = CHANGE_ROW.parse(row.c);
  if (change.version === version && from.includes(change.status))
    return { change, repeated: false };
  const taken = stepTakenQuery(id, version, step.action, user.id);
  const [again] = await run(taken);
  if (again && taken.row.parse(again).taken) return { change, repeated: true };
  if (change.version !== version)
    throw new ConflictError(
      `Change ${id} is at version ${change.version}, not ${version}: reload it and try again`,
      undefined,
      { changeId: id, version: change.version },
    );
  throw new ConflictError(
    `Change ${id} is ${change.status}: it cannot be ${step.past} (only from ${from.join(' or ')})`,
    undefined,
    { changeId: id, status: change.status },
  );
}

const decode = (rows: Row[]): ChangeRow => CHANGE_ROW.parse(rows[0]!.c);

/** Revises a DRAFT's fact (checked again). */
export function reviseDraft(
  executor: Executor,
  user: AuthUser,
  id: string,
  version: number,
  raw: unknown,
): Promise<ChangeRow> {
  return executor.writeTx(async (run) => {
    const { change, repeated } = await lockedChange(run, user, id, version, ['DRAFT'], {
      action: 'REVISE',
      past: 'revised',
    });
    if (repeated) return change;
    const { fact, key } = await checkedFact(
      async (q) => (await run(q))[0] as FactGraphRow | undefined,
      change.factType as FactType,
      raw,
    );
    if (key !== change.factKey)
      throw new InvalidInputError("A revision must keep the fact's key", [
        { field: 'fact', message: `the key is ${key}, the change is about ${change.factKey}` },
      ]);
    return decode(
      await run(
        transitionQuery(
          {
            id,
            to: 'DRAFT',
            from: 'DRAFT',
            action: 'REVISE',
            reason: null,
            fact: JSON.stringify(fact),
          },
          actorOf(user),
        ),
      ),
    );
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
    return decode(
      await run(
        transitionQuery(
          { id, to: 'IN_REVIEW', from: 'DRAFT', action: 'SUBMIT', reason: null },
          actorOf(user),
        ),
      ),
    );
  }, 'change-submit');
}

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
    return decode(
      await run(
        transitionQuery(
          { id, to: 'DRAFT', from: 'IN_REVIEW', action: 'RETURN', reason },
          actorOf(user),
        ),
      ),
    );
  }, 'change-return');
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
    return decode(
      await run(
        transitionQuery(
          { id, to: 'WITHDRAWN', from: change.status, action: 'WITHDRAW', reason, close: true },
          actorOf(user),
        ),
      ),
    );
  }, 'change-withdraw');
}

/**
 * IN_REVIEW → PUBLISHED: checks the fact again against the graph as it is now, refuses it if its
 * fact has moved on since it was proposed (CONFLICT), writes it and the change's new state in one
 * transaction, and bumps the graph's revision (so cached answers and indexes know).
 */
export async function publishChange(
  executor: Executor,
  user: AuthUser,
  id: string,
  version: number,
): Promise<ChangeRow> {
  let changed = false;
  const published = await executor.writeTx(async (run) => {
    const { change, repeated } = await lockedChange(run, user, id, version, ['IN_REVIEW'], {
      action: 'PUBLISH',
      past: 'published',
    });
    if (repeated) return change;
    changed = true;
    const type = change.factType as FactType;
    const { fact, key, graph } = await checkedFact(
      async (q) => (await run(q))[0] as FactGraphRow | undefined,
      type,
      JSON.parse(change.fact ?? '{}'),
    );
    const current = graph.target?.version ?? null;
    if (change.op === 'CREATE' && current !== null)
      throw new ConflictError(
        `${type} "${key}" was created by another change since this one was proposed: propose an update instead`,
        undefined,
        { changeId: id },
      );
    if (change.op === 'UPDATE' && current !== change.baseVersion) {
      throw new ConflictError(
        `${type} "${key}" is at version ${current ?? 'none'} now, not ${change.baseVersion}: propose the update again from the current fact`,
        undefined,
        { changeId: id },
      );
    }
    const texts = new Map(graph.sources.map((s) => [s.id, s.text]));
    for (const q of publishStatements(type, fact, key, (current ?? 0) + 1, texts, actorOf(user)))
      await run(q);
    await run(bumpRevisionQuery());
    return decode(
      await run(
        transitionQuery(
          { id, to: 'PUBLISHED', from: 'IN_REVIEW', action: 'PUBLISH', reason: null, close: true },
          actorOf(user),
        ),
      ),
    );
  }, 'change-publish');
  if (changed) noteGraphChanged();
  return published;
}

/**
 * PUBLISHED → RETRACTED: the fact leaves the public graph, kept with the reason; `version` is the
 * fact's. Refused with CONFLICT when the fact is already retracted, when `version` is stale, and
 * while published facts rest on it (named in `dependants`: retract or update those first).
 */
export async function retractFact(
  executor: Executor,
  user: AuthUser,
  type: FactType,
  key: string,
  version: number,
  reason: string,
): Promise<ChangeRow> {
  let changed = false;
  const retracted = await executor.writeTx(async (run) => {
    // A retry of a retraction this caller made of this version answers with it.
    const earlier = retractionByQuery(type, key, version, user.id);
    const check = retractCheckQuery(type, key);
    const [row] = await run(check);
    const before = row ? check.row.parse(row).before : null;
    if (before !== version) {
      const [again] = await run(earlier);
      if (again) return earlier.row.parse(again).c;
    }
    if (!row) throw await notPublished(run, type, key);
    const { dependants } = check.row.parse(row);
    if (before !== version)
      throw new ConflictError(
        `${type} "${key}" is at version ${before}, not ${version}: reload it and try again`,
        undefined,
        { version: before },
      );
    if (dependants.length > 0) throw restedOn(type, key, dependants);
    await run(retractQuery(type, key, reason, actorOf(user)));
    await closeOrphanedUpdate(run, type, key, reason, user);
    await run(bumpRevisionQuery());
    changed = true;
    return decode(
      await run(retractionChangeQuery(randomUUID(), type, key, version, reason, actorOf(user))),
    );
  }, 'fact-retract');
  if (changed) noteGraphChanged();
  return retracted;
}

/** An update open on a fact being retracted could never be published: it is withdrawn with the retraction, saying why. */
async function closeOrphanedUpdate(
  run: Run,
  type: FactType,
  key: string,
  reason: string,
  user: AuthUser,
): Promise<void> {
  const [open] = await run(changeByQuery({ openTarget: targetOf(type, key) }));
  if (!open) return;
  const change = CHANGE_ROW.parse(open.c);
  if (change.op !== 'UPDATE') return;
  const why = `the fact it updates was retracted: ${reason}`;
  await run(
    transitionQuery(
      {
        id: change.id,
        to: 'WITHDRAWN',
        from: change.status,
        action: 'CLOSE',
        reason: why,
        close: true,
      },
      actorOf(user),
    ),
  );
}

/** A fact that is not published: retracted already (CONFLICT, its state forbids the step) or never published (NOT_FOUND). */
async function notPublished(run: Run, type: FactType, key: string): Promise<Error> {
  const query = wasRetractedQuery(type, key);
  const [row] = await run(query);
  if (row && query.row.parse(row).retracted) {
    return new ConflictError(`${type} "${key}" is already retracted`, undefined, {
      status: 'RETRACTED',
    });
  }
  return new NotFoundError(type, key);
}

/** The refusal to retract what published facts rest on, naming them (the first 20, sorted, and how many). */
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
