import type { Executor } from '../core/db/executor';
import { revisionGuard } from '../core/db/snapshot';
import { IntegrityError } from '../core/errors';
import {
  kindCountQuery,
  kindPageQuery,
  type PageRow,
  relationshipCensusQuery,
  retractedQuery,
  type RetractedRow,
  sourceTextsQuery,
} from './export-pages';
import type { Sink } from './export-sink';
import {
  FORMAT,
  FORMAT_VERSION,
  type GraphRelationship,
  jsonHeader,
  jsonNode,
  sha256,
  type SourceDigest,
} from './graph-format';
import { identityOf, kindOf, type NodeKind, RETRACTED } from './graph-identity';
import { compare, encodeProperties } from './graph-values';
import { RelationshipSpool } from './relationship-spool';

/**
 * The whole graph as the lossless JSON file, written as it is read: the same bytes as
 * `toJson(exportGraph(…))` (graph-format.ts), at a memory bound of one page of nodes. Nodes are
 * read kind by kind in key order, which is their order in the file; each page's relationships are
 * spooled to disk by type (relationship-spool.ts) and copied out, type by type, after the nodes.
 */
export interface StreamOptions {
  readonly pageSize?: number;
  readonly onProgress?: (written: number, total: number) => void;
}

export interface StreamSummary {
  readonly nodes: number;
  readonly relationships: number;
  /** The graph's revision the file holds (none moved it while the file was read). */
  readonly revision: number;
}

/** The id a relationship's end has in the file, or undefined when it is no exported node. */
function endId(
  end: PageRow['out'][number]['end'],
  kinds: readonly NodeKind[],
  keyNames: readonly string[],
): string | undefined {
  const kind = kindOf(end.labels, kinds);
  const keyOf = (k: NodeKind) => end.keys[keyNames.indexOf(k.key)];
  if (kind === undefined) return undefined;
  if (kind !== RETRACTED)
    return typeof keyOf(kind) === 'string' ? `${kind.label}:${String(keyOf(kind))}` : undefined;
  const was = kinds.find((k) => k.label === end.retractedLabel);
  const key = was ? keyOf(was) : undefined;
  return was && typeof key === 'string' && end.retractedAt !== null
    ? `${RETRACTED}:${was.label}:${key}:${end.retractedAt}`
    : undefined;
}

/**
 * Counts per kind and per relationship type, and the sources' digests: the header, read before any
 * node.
 */
async function header(
  executor: Executor,
  kinds: readonly NodeKind[],
  retracted: readonly RetractedRow[],
  pageSize: number,
) {
  const nodes: Record<string, number> = {};
  for (const kind of kinds) {
    const [row] = await executor.read(kindCountQuery(kind, kinds), 'export-count');
    if (row && row.n > 0) nodes[kind.label] = row.n;
  }
  if (retracted.length > 0) nodes[RETRACTED] = retracted.length;
  const relationships: Record<string, number> = {};
  for (const r of await executor.read(relationshipCensusQuery(), 'export-census')) {
    if (kindOf(r.from, kinds) !== undefined && kindOf(r.to, kinds) !== undefined)
      relationships[r.type] = (relationships[r.type] ?? 0) + r.n;
  }
  const sources: SourceDigest[] = [];
  const source = kinds.find((k) => k.label === 'Source');
  for (let after: string | null = null; source;) {
    const page: Array<{ key: string; text: string | null }> = await executor.read(
      sourceTextsQuery(source, kinds, after, pageSize),
      'export-sources',
    );
    for (const s of page)
      if (s.text !== null)
        sources.push({ id: s.key, sha256: sha256(s.text), characters: [...s.text].length });
    if (page.length < pageSize) break;
    after = page[page.length - 1]!.key;
  }
  const sorted = (counts: Record<string, number>) =>
    Object.fromEntries(Object.entries(counts).sort(([a], [b]) => compare(a, b)));
  return { counts: { nodes: sorted(nodes), relationships: sorted(relationships) }, sources };
}

/** Writes the whole graph to `sink` as the lossless JSON file. */
export async function streamGraphJson(
  executor: Executor,
  kinds: readonly NodeKind[],
  sink: Sink,
  options: StreamOptions = {},
): Promise<StreamSummary> {
  const pageSize = options.pageSize ?? 5_000;
  // A file streamed cannot be read again: a write in the middle makes the export fail instead.
  const guard = await revisionGuard(executor);
  const retracted = await executor.read(retractedQuery(kinds), 'export-retracted');
  const { counts, sources } = await header(executor, kinds, retracted, pageSize);
  const sum = (n: Record<string, number>) => Object.values(n).reduce((a, b) => a + b, 0);
  const total = { nodes: sum(counts.nodes), relationships: sum(counts.relationships) };
  await sink.write(
    jsonHeader({
      format: FORMAT,
      formatVersion: FORMAT_VERSION,
      scope: { kind: 'graph' },
      counts,
      sources,
    }),
  );
  const spool = new RelationshipSpool();
  try {
    await sink.write(total.nodes === 0 ? '  "nodes": []' : '  "nodes": [\n');
    const nodes = new NodeWriter(sink, spool, kinds, total.nodes, options.onProgress);
    await writeNodes(executor, kinds, retracted, nodes, pageSize);
    const read = { nodes: nodes.written, relationships: spool.count };
    checkCounts(total, read);
    const moved = await guard.changed();
    if (moved !== null)
      throw new IntegrityError(
        `the graph changed while it was exported (revision ${guard.revision}, now ${moved}): ` +
          'the file is incomplete; export again',
      );
    await sink.write(total.nodes > 0 ? '\n  ],\n' : ',\n');
    await spool.copyTo(sink);
    return { ...read, revision: guard.revision };
  } finally {
    spool.remove();
  }
}

/**
 * The nodes, kind by kind in label order and each kind in key order (the retracted from memory).
 */
async function writeNodes(
  executor: Executor,
  kinds: readonly NodeKind[],
  retracted: readonly RetractedRow[],
  nodes: NodeWriter,
  pageSize: number,
): Promise<void> {
  for (const label of [...kinds.map((k) => k.label), RETRACTED].sort(compare)) {
    if (label === RETRACTED) {
      const rows = retracted
        .map((row) => ({ ...row, id: identityOrFail(row, kinds) }))
        .sort((a, b) => compare(a.id, b.id));
      await nodes.write(rows);
      continue;
    }
    const kind = kinds.find((k) => k.label === label)!;
    for (let after: string | null = null; ;) {
      const page: PageRow[] = await executor.read(
        kindPageQuery(kind, kinds, after, pageSize),
        'export-page',
      );
      await nodes.write(page.map((row) => ({ ...row, id: `${label}:${row.key}` })));
      if (page.length < pageSize) break;
      after = page[page.length - 1]!.key;
    }
  }
}

/** A node as read, with its id in the file. */
interface NodeRow {
  readonly id: string;
  readonly labels: readonly string[];
  readonly props: PageRow['props'];
  readonly out: PageRow['out'];
}

/** Writes pages of nodes to the sink, after the ones before, and spools their relationships. */
class NodeWriter {
  written = 0;
  private readonly keyNames: readonly string[];

  constructor(
    private readonly sink: Sink,
    private readonly spool: RelationshipSpool,
    private readonly kinds: readonly NodeKind[],
    private readonly total: number,
    private readonly onProgress?: StreamOptions['onProgress'],
  ) {
    this.keyNames = [...new Set(kinds.map((k) => k.key))];
  }

  async write(rows: readonly NodeRow[]): Promise<void> {
    const lines = rows.map((row) =>
      jsonNode({
        id: row.id,
        labels: [...row.labels].sort(compare),
        properties: encodeProperties(row.props),
      }),
    );
    if (lines.length > 0)
      await this.sink.write(`${this.written > 0 ? ',\n' : ''}${lines.join(',\n')}`);
    this.written += lines.length;
    this.spool.append(rows.flatMap((row) => this.relationshipsOf(row)));
    this.onProgress?.(this.written, this.total);
  }

  /** A node's outgoing relationships to exported nodes. */
  private relationshipsOf(row: NodeRow): GraphRelationship[] {
    return row.out.flatMap((r) => {
      const to = endId(r.end, this.kinds, this.keyNames);
      return to === undefined
        ? []
        : [{ type: r.type, from: row.id, to, properties: encodeProperties(r.props) }];
    });
  }
}

/** What was read must be what was counted: a node without its key cannot be exported. */
function checkCounts(
  total: { nodes: number; relationships: number },
  read: { nodes: number; relationships: number },
): void {
  if (read.nodes !== total.nodes)
    throw new IntegrityError(
      `${total.nodes - read.nodes} nodes were counted but not read: a node without its key cannot be exported`,
    );
  if (read.relationships !== total.relationships)
    throw new IntegrityError(
      `${total.relationships} relationships were counted but ${read.relationships} read: one ends at a node without its key`,
    );
}

function identityOrFail(row: RetractedRow, kinds: readonly NodeKind[]): string {
  const identity = identityOf(row.labels, encodeProperties(row.props), kinds);
  if (typeof identity === 'string') throw new IntegrityError(`${identity}; it cannot be exported`);
  return identity.id;
}
