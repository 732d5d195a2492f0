import type { AuthUser } from '../core/context';
import { ConflictError, InvalidInputError, NotFoundError } from '../core/errors';
import type { Actor, ChangeRow } from './change.statements';
import { type Fact, factKey, factReferences, type FactType } from './editing-facts';
import { lockChange, type Run, stepTaken } from './editing.repository';
import { factProblems, parseFact } from './editing.validate';
import type { FactGraphRow } from './fact-graph.statements';

/**
 * The steps every use case of review shares: who acts, a fact checked against the graph, and a
 * change locked at the version its caller saw. Each step names the change's version; a stale one
 * is CONFLICT.
 */

export const actorOf = (user: AuthUser): Actor => ({ by: user.id, byName: user.name });

/** The fact parsed and checked against the graph as it is now, or every problem with its path. */
export async function checkedFact(
  graphOf: (fact: Fact, key: string) => Promise<FactGraphRow>,
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
  const row = await graphOf(parsed.fact, key);
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

/**
 * A step on a locked change: the change as it is, and whether this caller has already taken the
 * step (a retry).
 */
export interface Locked {
  readonly change: ChangeRow;
  readonly repeated: boolean;
}

/**
 * Locks the change and checks it is where the caller thinks (its version) and may take this step
 * (its status). A step the same caller already took at that version is a retry: `repeated`, and
 * the caller answers with the change instead of taking the step again.
 */
export async function lockedChange(
  run: Run,
  user: AuthUser,
  id: string,
  version: number,
  from: readonly string[],
  step: { action: string; past: string },
): Promise<Locked> {
  const change = await lockChange(run, id);
  if (!change) throw new NotFoundError('Change', id);
  if (change.version === version && from.includes(change.status))
    return { change, repeated: false };
  if (await stepTaken(run, id, version, step.action, user.id)) return { change, repeated: true };
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
