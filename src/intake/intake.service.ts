import type { AuthUser } from '../core/context';
import type { Executor } from '../core/db/executor';
import { AppError, ErrorCode } from '../core/errors';
import type { Draft } from '../draft/draft-build';
import { isUnplaced } from '../draft/draft-build';
import { clientMutationIdOf, figuresInOrder } from '../draft/draft-folder';
import { draftReport } from '../draft/draft.service';
import { openChangeSet } from '../editing/change-set.service';
import { addNotesQuery } from '../editing/change-set.statements';
import type { FactType } from '../editing/editing-facts';
import { proposeFact } from '../editing/proposal.service';
import { vocabularyQuery } from './vocabulary.statements';

/**
 * A report taken in through the desk: read and drafted on the server, against the vocabulary the
 * graph holds now, and every drafted fact proposed as a DRAFT into one change set: the source,
 * the units and indicators the report needs, its figures (counts before the rates they give).
 * What the drafter could not propose is noted on the set for the editor. The same file taken in
 * again answers with the same set and proposes nothing twice.
 */

export interface Upload {
  readonly bytes: Uint8Array;
  readonly fileName: string;
  /** The report's date, where its text does not state it (ISO 8601 with offset). */
  readonly published?: string;
}

export interface IntakeResult {
  readonly changeSet: { readonly id: string; readonly title: string };
  readonly proposed: number;
  readonly notes: readonly string[];
}

interface Proposal {
  readonly type: FactType;
  readonly fact: Record<string, unknown>;
  readonly confidence?: number;
  readonly reason?: string;
}

export async function takeInReport(
  executor: Executor,
  user: AuthUser,
  upload: Upload,
): Promise<IntakeResult> {
  const [vocabulary] = await executor.read(vocabularyQuery(), 'intake-vocabulary');
  const draft = await draftReport({
    bytes: upload.bytes,
    fileName: upload.fileName,
    vocabulary: vocabulary!,
    options: upload.published ? { published: upload.published } : {},
  });
  const { entry } = draft.source;
  const set = await openChangeSet(
    executor,
    user,
    { title: entry.title, sourceId: entry.id, notes: draftNotes(draft) },
    `intake-${entry.original?.sha256 ?? entry.sha256}`,
  );
  let proposed = 0;
  const refused: string[] = [];
  for (const p of proposalsOf(draft)) {
    const id = clientMutationIdOf(p.type, p.fact);
    const drafted = { setId: set.id, confidence: p.confidence, reason: p.reason };
    try {
      await proposeFact(executor, user, p.type, p.fact, id, drafted);
      proposed += 1;
    } catch (error) {
      // A fact the checks refuse is left for the editor, with why; the rest of the report goes on.
      if (!(error instanceof AppError) || !REFUSALS.has(error.code)) throw error;
      refused.push(`${p.type} ${String(p.fact.id ?? p.fact.code)} not proposed: ${error.message}`);
    }
  }
  if (refused.length > 0) await executor.write(addNotesQuery(set.id, refused), 'intake-notes');
  return {
    changeSet: { id: set.id, title: set.title },
    proposed,
    notes: [...set.notes, ...refused],
  };
}

const REFUSALS = new Set<string>([ErrorCode.BAD_USER_INPUT, ErrorCode.CONFLICT]);

/** The draft's facts in the order they rest on each other. */
function proposalsOf(draft: Draft): Proposal[] {
  const { file: _file, ...source } = draft.source.entry;
  const reviews = new Map(draft.observations.map((o) => [o.item.id, o.review]));
  const figures = figuresInOrder(draft.observations.map((o) => o.item));
  return [
    { type: 'SOURCE', fact: { ...source, text: draft.text } },
    ...draft.units.map((u) => ({ type: 'UNIT' as const, fact: { ...u } })),
    ...draft.indicators.map((i) => ({ type: 'INDICATOR' as const, fact: { ...i } })),
    ...figures.map((o) => ({
      type: 'OBSERVATION' as const,
      fact: { ...o } as Record<string, unknown>,
      confidence: reviews.get(o.id)?.confidence,
      reason: reviews.get(o.id)?.reason,
    })),
  ];
}

/** What the editor must do by hand: figures placed in no region, candidate models. */
function draftNotes(draft: Draft): string[] {
  const unplaced = draft.nonFigures
    .filter((n) => isUnplaced(n.review))
    .map((n) => `“${n.item.text}” is a figure the drafter could place in no region`);
  const models = draft.models.map(
    (m) => `“${m.item.name}” may be a new model: propose it as a MODEL if it is one`,
  );
  return [...unplaced, ...models];
}
