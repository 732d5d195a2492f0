import type { CypherQuery, Executor } from '../core/db/executor';
import { bumpRevisionQuery } from '../core/db/revision';
import { applySchema } from '../core/db/schema-statements';
import { BadInputError } from '../core/errors';
import type { GraphDocument } from './graph-format';
import type { NodeKind } from './graph-identity';
import { type ImportStep, importSteps } from './import-batches';

export interface ImportOptions {
  /** The node kinds the registry knows, each with its key. */
  readonly kinds: readonly NodeKind[];
  /**
   * Empty the graph (every node of an exported kind) first, in the same transaction: the database
   * then holds the file.
   */
  readonly replace?: boolean;
  /** Constraints applied before the import and indexes after it (the registry's SCHEMA). */
  readonly schema?: {
    readonly constraints: readonly CypherQuery[];
    readonly indexes: readonly CypherQuery[];
  };
  readonly batchSize?: number;
  /** Told after each batch: batches done, and in all. */
  readonly progress?: (done: number, total: number) => void;
  /** Where an earlier, interrupted run of this import stopped, and where to record progress. */
  readonly checkpoint?: ImportCheckpoint;
}

export interface ImportSummary {
  /** With --replace: the nodes not in the file, and the relationships the file's replace. */
  readonly deleted: { readonly nodes: number; readonly relationships: number };
  readonly nodes: { readonly created: number; readonly updated: number };
  readonly relationships: { readonly created: number; readonly present: number };
  /** Transactions in all, and how many an earlier run had committed (0: none). */
  readonly batches: { readonly total: number; readonly resumedAfter: number };
  readonly ms: number;
}

/**
 * Where an import stands between runs: the steps a run before this one committed, and a way to
 * record more.
 */
export interface ImportCheckpoint {
  readonly done: number;
  save(done: number, total: number): void;
}

/**
 * Imports a document read by `readGraphFile` in batches, each its own transaction: nodes MERGEd
 * by their kind's key (properties from the file set over the node's), then relationships created
 * unless an identical one is there, then the graph's revision bumped. A batch is idempotent and
 * needs nothing from another, so an import killed half-way is finished by running it again:
 * from its checkpoint (the steps committed), or from the start, which adds nothing twice. With
 * `replace`, what the file does not hold is deleted first and each node's properties become
 * exactly the file's. A managed Neo4j (Aura) refuses one transaction of a national file; a batch
 * of 2,000 rows is far from its limits.
 */
export async function importGraph(
  executor: Executor,
  doc: GraphDocument,
  options: ImportOptions,
): Promise<ImportSummary> {
  const started = Date.now();
  const replace = options.replace === true;
  if (replace && doc.header.scope.kind !== 'graph') {
    throw new BadInputError(
      `--replace empties the graph, so it takes a whole-graph export; this file holds a part (${JSON.stringify(doc.header.scope)})`,
      'replace',
    );
  }
  if (options.schema) await applySchema(executor, options.schema.constraints);
  const steps = importSteps(doc, options.kinds, replace, options.batchSize);
  const from = Math.min(options.checkpoint?.done ?? 0, steps.length);
  const tally = emptyTally();
  for (let i = from; i < steps.length; i += 1) {
    const step = steps[i]!;
    countStep(tally, step, await executor.write(step.query, `import-${step.kind}`));
    options.checkpoint?.save(i + 1, steps.length);
    options.progress?.(i + 1, steps.length);
  }
  await executor.write(bumpRevisionQuery(), 'import');
  if (options.schema) await applySchema(executor, options.schema.indexes);
  return {
    deleted: { nodes: tally.deletedNodes, relationships: tally.deletedRelationships },
    nodes: { created: tally.created, updated: tally.updated },
    relationships: {
      created: tally.relationshipsCreated,
      present: tally.relationshipsRun - tally.relationshipsCreated,
    },
    batches: { total: steps.length, resumedAfter: from },
    ms: Date.now() - started,
  };
}

/** What the steps' rows reported, summed: the summary's counts. */
const emptyTally = () => ({
  deletedNodes: 0,
  deletedRelationships: 0,
  created: 0,
  updated: 0,
  relationshipsCreated: 0,
  relationshipsRun: 0,
});

/** Adds what one step's rows report to the import's tally. */
function countStep(
  tally: ReturnType<typeof emptyTally>,
  step: ImportStep,
  rows: ReadonlyArray<Record<string, unknown>>,
): void {
  if (step.kind === 'delete')
    [tally.deletedNodes, tally.deletedRelationships] = [
      Number(rows[0]?.nodes ?? 0),
      Number(rows[0]?.relationships ?? 0),
    ];
  else if (step.kind === 'nodes')
    for (const row of rows) tally[row.existed ? 'updated' : 'created'] += 1;
  else
    [tally.relationshipsCreated, tally.relationshipsRun] = [
      tally.relationshipsCreated + Number(rows[0]?.created ?? 0),
      tally.relationshipsRun + step.rows,
    ];
}
