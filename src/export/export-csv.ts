import { stringify } from 'csv-stringify/sync';
import { zipSync } from 'fflate';
import { type GraphDocument, primaryLabel } from './graph-format';
import { cellText, compare, type Properties } from './graph-values';

/**
 * CSV tables for spreadsheets, R and pandas: `nodes/<Label>.csv` per kind of node (columns `id`,
 * `labels` where a node has more than one, then every property) and `relationships/<TYPE>.csv`
 * per type (`from`, `to` — node ids — then every property). UTF-8 with a BOM, RFC 4180 (CRLF,
 * quotes where needed, line breaks inside quotes). Lists and points are JSON text, temporals ISO
 * text; a property a row lacks is an empty cell.
 */

export interface CsvFile {
  readonly path: string;
  readonly text: string;
}

const OPTIONS = { bom: true, record_delimiter: 'windows', quote_record_delimiter: true } as const;

function table(
  rows: ReadonlyArray<{ fixed: readonly string[]; properties: Properties }>,
  fixedColumns: readonly string[],
): string {
  const names = [...new Set(rows.flatMap((r) => Object.keys(r.properties)))].sort(compare);
  const records = rows.map((r) => [
    ...r.fixed,
    ...names.map((n) => (r.properties[n] === undefined ? '' : cellText(r.properties[n]!))),
  ]);
  return stringify([[...fixedColumns, ...names], ...records], OPTIONS);
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k)!.push(item);
  }
  return new Map([...groups.entries()].sort(([a], [b]) => compare(a, b)));
}

/** One table per node label and per relationship type, in name order. */
export function csvFiles(doc: GraphDocument): CsvFile[] {
  const files: CsvFile[] = [];
  for (const [label, nodes] of groupBy(doc.nodes, primaryLabel)) {
    const multi = nodes.some((n) => n.labels.length > 1);
    const rows = nodes.map((n) => ({
      fixed: multi ? [n.id, n.labels.join(';')] : [n.id],
      properties: n.properties,
    }));
    files.push({
      path: `nodes/${label}.csv`,
      text: table(rows, multi ? ['id', 'labels'] : ['id']),
    });
  }
  for (const [type, relationships] of groupBy(doc.relationships, (r) => r.type)) {
    files.push({
      path: `relationships/${type}.csv`,
      text: table(
        relationships.map((r) => ({ fixed: [r.from, r.to], properties: r.properties })),
        ['from', 'to'],
      ),
    });
  }
  return files;
}

/** A fixed time for every entry, so the same export gives the same zip. */
const ZIP_TIME = new Date('2000-01-01T00:00:00Z');

/** The tables as one zip (for downloads). */
export function csvZip(files: readonly CsvFile[]): Uint8Array {
  const encoder = new TextEncoder();
  return zipSync(
    Object.fromEntries(files.map((f) => [f.path, [encoder.encode(f.text), { mtime: ZIP_TIME }]])),
    { level: 6 },
  );
}
