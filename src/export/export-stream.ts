import { appendFileSync, createReadStream, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { Executor } from '../core/db/executor';
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
import {
  FORMAT,
  FORMAT_VERSION,
  type GraphRelationship,
  jsonHeader,
  jsonNode,
  jsonRelationship,
  sha256,
  sortRelationships,
  type SourceDigest,
} from './graph-format';
import { identityOf, kindOf, type NodeKind, RETRACTED } from './graph-identity';
import { compare, encodeProperties } from './graph-values';

/**
 * The whole graph as the lossless JSON file, written as it is read: the same bytes as
 * `toJson(exportGraph(…))` (graph-format.ts), at a memory bound of one page of nodes. Nodes are
 * read kind by kind in key order, which is their order in the file; each page's relationships are
 * appended to a file of their type on disk (each from-node's in order, pages in from order), and
 * those files are copied out, type by type, after the nodes.
 */
export interface Sink {
  write(text: string): Promise<void>;
}

export interface StreamOptions {
  readonly pageSize?: number;
  readonly onProgress?: (written: number, total: number) => void;
}

export interface StreamSummary {
  readonly nodes: number;
  readonly relationships: number;
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

/** Counts per kind and per relationship type, and the sources' digests: the header, read before any node. */
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
  const keyNames = [...new Set(kinds.map((k) => k.key))];
  const retracted = await executor.read(retractedQuery(kinds), 'export-retracted');
  const { counts, sources } = await header(executor, kinds, retracted, pageSize);
  const totalNodes = Object.values(counts.nodes).reduce((a, b) => a + b, 0);
  const totalRelationships = Object.values(counts.relationships).reduce((a, b) => a + b, 0);
  await sink.write(
    jsonHeader({
      format: FORMAT,
      formatVersion: FORMAT_VERSION,
      scope: { kind: 'graph' },
      counts,
      sources,
    }),
  );

  const dir = mkdtempSync(path.join(os.tmpdir(), 'zhili-export-'));
  const files = new Map<string, string>();
  let written = 0;
  let relationships = 0;
  try {
    await sink.write(totalNodes === 0 ? '  "nodes": []' : '  "nodes": [\n');
    const emit = async (
      rows: ReadonlyArray<{
        id: string;
        labels: readonly string[];
        props: PageRow['props'];
        out: PageRow['out'];
      }>,
    ) => {
      const lines = rows.map((row) =>
        jsonNode({
          id: row.id,
          labels: [...row.labels].sort(compare),
          properties: encodeProperties(row.props),
        }),
      );
      if (lines.length > 0) await sink.write(`${written > 0 ? ',\n' : ''}${lines.join(',\n')}`);
      written += lines.length;
      const byType = new Map<string, GraphRelationship[]>();
      for (const row of rows) {
        for (const r of row.out) {
          const to = endId(r.end, kinds, keyNames);
          if (to === undefined) continue;
          if (!byType.has(r.type)) byType.set(r.type, []);
          byType
            .get(r.type)!
            .push({ type: r.type, from: row.id, to, properties: encodeProperties(r.props) });
        }
      }
      for (const [type, list] of byType) {
        if (!files.has(type)) files.set(type, path.join(dir, `${files.size}.jsonl`));
        appendFileSync(
          files.get(type)!,
          `${sortRelationships(list).map(jsonRelationship).join('\n')}\n`,
        );
        relationships += list.length;
      }
      options.onProgress?.(written, totalNodes);
    };
    for (const label of [...kinds.map((k) => k.label), RETRACTED].sort(compare)) {
      if (label === RETRACTED) {
        const rows = retracted
          .map((row) => ({ ...row, id: identityOrFail(row, kinds) }))
          .sort((a, b) => compare(a.id, b.id));
        await emit(rows);
        continue;
      }
      const kind = kinds.find((k) => k.label === label)!;
      for (let after: string | null = null; ;) {
        const page: PageRow[] = await executor.read(
          kindPageQuery(kind, kinds, after, pageSize),
          'export-page',
        );
        await emit(page.map((row) => ({ ...row, id: `${label}:${row.key}` })));
        if (page.length < pageSize) break;
        after = page[page.length - 1]!.key;
      }
    }
    if (written !== totalNodes)
      throw new IntegrityError(
        `${totalNodes - written} nodes were counted but not read: a node without its key cannot be exported`,
      );
    if (relationships !== totalRelationships)
      throw new IntegrityError(
        `${totalRelationships} relationships were counted but ${relationships} read: one ends at a node without its key`,
      );
    if (totalNodes > 0) await sink.write('\n  ],\n');
    else await sink.write(',\n');
    await copyRelationships(
      sink,
      [...files].sort(([a], [b]) => compare(a, b)).map(([, file]) => file),
      relationships,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { nodes: written, relationships };
}

function identityOrFail(row: RetractedRow, kinds: readonly NodeKind[]): string {
  const identity = identityOf(row.labels, encodeProperties(row.props), kinds);
  if (typeof identity === 'string') throw new IntegrityError(`${identity}; it cannot be exported`);
  return identity.id;
}

/** The relationships' files, type by type, as the file's last list. */
async function copyRelationships(
  sink: Sink,
  files: readonly string[],
  count: number,
): Promise<void> {
  if (count === 0) {
    await sink.write('  "relationships": []\n}\n');
    return;
  }
  await sink.write('  "relationships": [\n');
  let first = true;
  for (const file of files) {
    let chunk: string[] = [];
    for await (const text of createInterface({
      input: createReadStream(file, 'utf8'),
      crlfDelay: Infinity,
    })) {
      chunk.push(text);
      if (chunk.length >= 1_000) {
        await sink.write(`${first ? '' : ',\n'}${chunk.join(',\n')}`);
        [first, chunk] = [false, []];
      }
    }
    if (chunk.length > 0) await sink.write(`${first ? '' : ',\n'}${chunk.join(',\n')}`);
    if (chunk.length > 0) first = false;
  }
  await sink.write('\n  ]\n}\n');
}

/** A sink over a writable stream that waits whenever the stream asks it to. */
export function streamSink(stream: NodeJS.WritableStream): Sink {
  return {
    write: (text) =>
      new Promise((resolve, reject) => {
        const ok = stream.write(text, (error) => (error ? reject(error) : undefined));
        if (ok) resolve();
        else stream.once('drain', () => resolve());
      }),
  };
}

/** For tests: the file in memory. */
export function memorySink(): Sink & { text(): string } {
  const parts: string[] = [];
  return { write: async (t) => void parts.push(t), text: () => parts.join('') };
}
