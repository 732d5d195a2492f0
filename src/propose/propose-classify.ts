import type { ProposedType, Requirement } from '../draft/draft-folder';
import type { FactProblem } from '../editing/editing.validate';

/** What became of each fact of a draft in one run of `zhili propose`, and the summary printed. */

export type Outcome =
  | {
      readonly kind: 'proposed';
      readonly type: ProposedType;
      readonly key: string;
      readonly changeId: string;
    }
  /**
   * An open change (DRAFT or IN_REVIEW) on the fact exists already: this run's earlier twin or an
   * editor's.
   */
  | {
      readonly kind: 'open';
      readonly type: ProposedType;
      readonly key: string;
      readonly changeId: string | null;
    }
  | { readonly kind: 'published'; readonly type: ProposedType; readonly key: string }
  /** Cannot be proposed yet, for reasons someone else must settle first. */
  | {
      readonly kind: 'waiting';
      readonly type: ProposedType;
      readonly key: string;
      readonly reasons: readonly string[];
    }
  /** The fact itself is wrong: the user must look at it. */
  | {
      readonly kind: 'refused';
      readonly type: ProposedType;
      readonly key: string;
      readonly message: string;
      readonly problems: readonly FactProblem[];
    };

/** What the run knows about the draft, to explain why a requirement is not met. */
export interface DraftVocabulary {
  readonly newIndicators: ReadonlyMap<string, string>;
  readonly newUnits: ReadonlyMap<string, string>;
}

/**
 * Why a fact waits for a requirement the graph does not meet. Regions come from the gazetteer;
 * everything else must be published first: a quote is checked against the *stored* source, a
 * figure against its indicator. (Proposed into one change set, through the desk, nothing waits.)
 */
export function waitingReason(req: Requirement, vocabulary: DraftVocabulary): string {
  if (req.label === 'Indicator' && vocabulary.newIndicators.has(req.key)) {
    return `needs the new indicator ${req.key} (${vocabulary.newIndicators.get(req.key)}), proposed with this draft: a reviewer publishes it, then run zhili propose again`;
  }
  if (req.label === 'Unit' && vocabulary.newUnits.has(req.key))
    return `needs the new unit ${req.key} (${vocabulary.newUnits.get(req.key)}), proposed with this draft: a reviewer publishes it, then run zhili propose again`;
  if (req.label === 'Indicator' || req.label === 'Unit')
    return `${req.label.toLowerCase()} ${req.key} is not in the graph`;
  if (req.label === 'Region') return `region ${req.key} is not in the graph`;
  if (req.label === 'Source')
    return `source ${req.key} is not published yet: a reviewer publishes it, then run zhili propose again`;
  return `its ${req.field} ${req.key} (${req.label}) is not published yet`;
}

export interface AnsweredChange {
  readonly id: string;
  readonly status: string;
  readonly version: number;
}

export interface GqlError {
  readonly message: string;
  readonly extensions?: Record<string, unknown>;
}

/** A failure answer the run cannot go on from (a refused key, a server fault). */
export class ProposeFailure extends Error {
  override readonly name = 'ProposeFailure';
}

/**
 * The answer to one proposeFact, as an outcome. The same clientMutationId again returns the first
 * change (no longer a fresh DRAFT at version 1, or one seen open before), and another open change
 * on the fact answers CONFLICT: both mean "already proposed". A fact refused as BAD_USER_INPUT
 * keeps its field problems; any other error ends the run.
 */
export function classifyAnswer(
  type: ProposedType,
  key: string,
  answer: { data?: { proposeFact?: AnsweredChange | null } | null; errors?: readonly GqlError[] },
  openBefore: ReadonlySet<string>,
): Outcome {
  const change = answer.data?.proposeFact;
  if (change && !answer.errors?.length) {
    const fresh = change.status === 'DRAFT' && change.version === 1 && !openBefore.has(change.id);
    return fresh
      ? { kind: 'proposed', type, key, changeId: change.id }
      : { kind: 'open', type, key, changeId: change.id };
  }
  const error = answer.errors?.[0];
  const code = String(error?.extensions?.code ?? 'UNKNOWN');
  if (code === 'CONFLICT')
    return {
      kind: 'open',
      type,
      key,
      changeId: typeof error?.extensions?.changeId === 'string' ? error.extensions.changeId : null,
    };
  if (code === 'BAD_USER_INPUT') {
    const problems = Array.isArray(error?.extensions?.problems)
      ? (error.extensions.problems as FactProblem[])
      : [];
    return { kind: 'refused', type, key, message: error?.message ?? 'refused', problems };
  }
  throw new ProposeFailure(
    `proposing ${type} ${key} failed (${code}): ${error?.message ?? 'no answer'}`,
  );
}

/** The facts of each kind of outcome, counted by type ("SOURCE 1, OBSERVATION 5"). */
function byType(outcomes: readonly Outcome[]): string {
  const counts = new Map<string, number>();
  for (const o of outcomes) counts.set(o.type, (counts.get(o.type) ?? 0) + 1);
  return [...counts].map(([t, n]) => `${t} ${n}`).join(', ');
}

/**
 * The summary a person reads: counts by kind, waiting facts grouped by reason, refused facts with
 * their problems.
 */
export function summaryLines(outcomes: readonly Outcome[]): string[] {
  const of = <K extends Outcome['kind']>(kind: K) =>
    outcomes.filter((o): o is Extract<Outcome, { kind: K }> => o.kind === kind);
  const line = (label: string, list: readonly Outcome[]) =>
    `${label} ${list.length}${list.length > 0 ? ` (${byType(list)})` : ''}`;
  const lines = [line('proposed', of('proposed')), line('already open', of('open'))];
  if (of('published').length > 0) lines.push(line('already published', of('published')));
  const waiting = of('waiting');
  lines.push(line('waiting', waiting));
  const groups = new Map<string, string[]>();
  // A fact waiting for several things is listed under each.
  for (const w of waiting)
    for (const reason of w.reasons)
      groups.set(reason, [...(groups.get(reason) ?? []), `${w.type} ${w.key}`]);
  for (const [reason, facts] of groups) lines.push(`  ${reason}:`, ...facts.map((f) => `    ${f}`));
  const refused = of('refused');
  if (refused.length > 0) lines.push(line('refused', refused));
  for (const r of refused) {
    lines.push(`  ${r.type} ${r.key}: ${r.problems.length === 0 ? r.message : ''}`.trimEnd());
    lines.push(...r.problems.map((p) => `    ${p.field || '(fact)'}: ${p.message}`));
  }
  return lines;
}
