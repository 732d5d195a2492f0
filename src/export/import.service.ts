import type { CypherQuery, Executor, Row } from '../core/db/executor';
import { bumpRevisionQuery } from '../core/db/revision';
import { applySchema } from '../core/db/schema-statements';
import { BadInputError } from '../core/errors';
import type { GraphDocument } from './graph.format';
import { identityOf, type NodeKind } from './graph.identity';
import { compare, propertyParams, splitProperties, type Properties } from './graph.values';
import { createRelationshipsQuery, deleteOthersQuery, mergeNodesQuery, mergeRetractedQuery, type NodeParam, type RelationshipParam } from './import.repository';

export interface ImportOptions {
  /** The node kinds the registry knows, each with its key. */
  readonly kinds: readonly NodeKind[];
  /** Empty the graph (every node of an exported kind) first, in the same transaction: the database then holds the file. */
  readonly replace?: boolean;
  /** Constraints applied before the import and indexes after it (the registry's SCHEMA). */
  readonly schema?: { readonly constraints: readonly CypherQuery[]; readonly indexes: readonly CypherQuery[] };
  readonly batchSize?: number;
  /** Told after each statement of the transaction: statements done, and in all. */
  readonly progress?: (done: number, total: number) => void;
}

export interface ImportSummary {
  /** With --replace: the nodes not in the file, and the relationships the file's replace. */
  readonly deleted: { readonly nodes: number; readonly relationships: number };
  readonly nodes: { readonly created: number; readonly updated: number };
  readonly relationships: { readonly created: number; readonly present: number };
  readonly ms: number;
}

const BATCH = 2_000;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The node statements: one MERGE per kind (and per former kind of retracted facts), in batches. */
function nodeStatements(doc: GraphDocument, kinds: readonly NodeKind[], size: number, replace: boolean): CypherQuery[] {
  const groups = new Map<string, { make: (rows: NodeParam[]) => CypherQuery; rows: NodeParam[] }>();
  for (const n of doc.nodes) {
    const identity = identityOf(n.labels, n.properties, kinds);
    // The file was read by readGraphFile, which refuses a node without an identity.
    if (typeof identity === 'string') throw new BadInputError(identity);
    const kind = identity.retracted?.kind ?? kinds.find((k) => k.label === identity.label)!;
    const group = identity.retracted ? `retracted:${kind.label}` : kind.label;
    const row: NodeParam = { id: n.id, key: identity.key, at: identity.retracted?.at, labels: n.labels, ...splitProperties(n.properties) };
    if (!groups.has(group)) groups.set(group, { make: (rows) => (identity.retracted ? mergeRetractedQuery(kind, rows, replace) : mergeNodesQuery(kind, rows, replace)), rows: [] });
    groups.get(group)!.rows.push(row);
  }
  return [...groups.keys()].sort(compare).flatMap((g) => chunks(groups.get(g)!.rows, size).map(groups.get(g)!.make));
}

/** Relationship rows by the element ids the node statements answered, each with its ordinal among identical ones. */
function relationshipRows(doc: GraphDocument, eids: ReadonlyMap<string, string>): RelationshipParam[] {
  const seen = new Map<string, number>();
  return doc.relationships.map((r) => {
    const same = `${r.type}\n${r.from}\n${r.to}\n${JSON.stringify(r.properties)}`;
    const ordinal = (seen.get(same) ?? 0) + 1;
    seen.set(same, ordinal);
    return { a: eids.get(r.from)!, b: eids.get(r.to)!, type: r.type, ordinal, props: propertyParams(r.properties as Properties) };
  });
}

type Step = (q: CypherQuery) => Promise<Row[]>;

/** Writes the nodes; answers each one's element id by file id, and the element ids of those it created. */
async function writeNodes(step: Step, statements: readonly CypherQuery[]): Promise<{ eids: Map<string, string>; created: Set<string> }> {
  const eids = new Map<string, string>();
  const created = new Set<string>();
  for (const q of statements) {
    for (const row of await step(q)) {
      eids.set(String(row.id), String(row.eid));
      if (!row.existed) created.add(String(row.eid));
    }
  }
  return { eids, created };
}

/**
 * Imports a document read by `readGraphFile` in one write transaction: nodes MERGEd by their
 * kind's key (properties from the file set over the node's), relationships created unless an
 * identical one is there, the graph's revision bumped. Importing the same file twice changes
 * nothing; into an empty database it recreates the exported graph exactly. With `replace`, what
 * the file does not hold is deleted first and each node's properties become exactly the file's.
 */
export async function importGraph(executor: Executor, doc: GraphDocument, options: ImportOptions): Promise<ImportSummary> {
  const started = Date.now();
  const replace = options.replace === true;
  if (replace && doc.header.scope.kind !== 'graph') {
    throw new BadInputError(`--replace empties the graph, so it takes a whole-graph export; this file holds a part (${JSON.stringify(doc.header.scope)})`, 'replace');
  }
  if (options.schema) await applySchema(executor, options.schema.constraints);
  const size = options.batchSize ?? BATCH;
  const nodes = nodeStatements(doc, options.kinds, size, replace);
  let total = nodes.length + Math.ceil(doc.relationships.length / size) + (replace ? 1 : 0);
  const summary = await executor.writeTx(async (run) => {
    let done = 0;
    const step: Step = async (q) => {
      const rows = await run(q);
      options.progress?.((done += 1), total);
      return rows;
    };
    const [gone] = replace ? await step(deleteOthersQuery(options.kinds, doc.nodes.map((n) => n.id))) : [];
    const { eids, created: fresh } = await writeNodes(step, nodes);
    // Between nodes made by this import (or after --replace dropped every relationship) nothing is there to find.
    const rows = relationshipRows(doc, eids);
    const isNew = (r: RelationshipParam) => replace || (fresh.has(r.a) && fresh.has(r.b));
    const groups = [[false, chunks(rows.filter(isNew), size)], [true, chunks(rows.filter((r) => !isNew(r)), size)]] as const;
    total = done + groups[0][1].length + groups[1][1].length;
    let created = 0;
    for (const [checked, batches] of groups) {
      for (const batch of batches) created += Number((await step(createRelationshipsQuery(batch, checked)))[0]?.created ?? 0);
    }
    await run(bumpRevisionQuery());
    return {
      deleted: { nodes: Number(gone?.nodes ?? 0), relationships: Number(gone?.relationships ?? 0) },
      nodes: { created: fresh.size, updated: eids.size - fresh.size },
      relationships: { created, present: doc.relationships.length - created },
    };
  }, 'import');
  if (options.schema) await applySchema(executor, options.schema.indexes);
  return { ...summary, ms: Date.now() - started };
}
