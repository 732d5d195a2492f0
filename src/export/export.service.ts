import type { Executor } from '../core/db/executor';
import { atOneRevision, type AtRevision } from '../core/db/snapshot';
import { IntegrityError, NotFoundError } from '../core/errors';
import {
  areaPageQuery,
  modelPartQuery,
  type NodeRow,
  regionPartQuery,
  wholeGraphQuery,
} from './export.repository';
import {
  type ExportScope,
  type GraphDocument,
  graphDocument,
  type GraphNode,
  type GraphRelationship,
} from './graph-format';
import { identityOf, type NodeKind } from './graph-identity';
import { compare, encodeProperties } from './graph-values';

/**
 * Reads the graph, or a part of it, into a document in canonical order (graph-format.ts).
 * `kinds` are the node kinds the registry knows, each with its key.
 */
export async function exportGraph(
  executor: Executor,
  scope: ExportScope,
  kinds: readonly NodeKind[],
): Promise<GraphDocument> {
  const query =
    scope.kind === 'graph'
      ? wholeGraphQuery(kinds)
      : scope.kind === 'region'
        ? regionPartQuery(scope.code)
        : modelPartQuery(scope.slug);
  const closure = await executor.read(query, `export-${scope.kind}`);
  const rows =
    scope.kind === 'region' && closure.length > 0
      ? [...closure, ...(await areaRows(executor, scope.code, closure))]
      : closure;
  if (rows.length === 0 && scope.kind === 'region') throw new NotFoundError('Region', scope.code);
  if (rows.length === 0 && scope.kind === 'model')
    throw new NotFoundError('GovernanceModel', scope.slug);
  const kept = scope.kind === 'graph' ? rows : publishedAndCited(rows);
  return graphDocument(scope, ...toGraph(kept, kinds));
}

/**
 * exportGraph as of one revision of the graph (read again if a write came in between), with the
 * revision it was read at.
 */
export const exportAtRevision = (
  executor: Executor,
  scope: ExportScope,
  kinds: readonly NodeKind[],
): Promise<AtRevision<GraphDocument>> =>
  atOneRevision(executor, () => exportGraph(executor, scope, kinds));

const AREA_PAGE = 5_000;

/**
 * The area's regions, page by page; those the closure read already (where facts are placed) are not
 * read twice.
 */
async function areaRows(
  executor: Executor,
  code: string,
  closure: readonly NodeRow[],
): Promise<NodeRow[]> {
  const had = new Set(closure.map((row) => row.eid));
  const rows: NodeRow[] = [];
  for (let after: string | null = null; ;) {
    const page: Array<NodeRow & { code: string }> = await executor.read(
      areaPageQuery(code, after, AREA_PAGE),
      'export-area',
    );
    rows.push(...page.filter((row) => !had.has(row.eid)));
    if (page.length < AREA_PAGE) return rows;
    after = page[page.length - 1]!.code;
  }
}

/**
 * Rows as nodes with stable ids, and the relationships between them (those leaving the set are
 * dropped).
 */
function toGraph(
  rows: readonly NodeRow[],
  kinds: readonly NodeKind[],
): [GraphNode[], GraphRelationship[]] {
  const ids = new Map<string, string>();
  const nodes = rows.map((row) => {
    const properties = encodeProperties(row.props);
    const identity = identityOf(row.labels, properties, kinds);
    if (typeof identity === 'string')
      throw new IntegrityError(`${identity}; it cannot be exported`);
    if (ids.has(row.eid)) throw new IntegrityError(`node ${identity.id} was read twice`);
    ids.set(row.eid, identity.id);
    return { id: identity.id, labels: [...row.labels].sort(compare), properties };
  });
  const seen = new Set<string>();
  for (const n of nodes) {
    if (seen.has(n.id)) throw new IntegrityError(`two nodes have the id ${n.id}`);
    seen.add(n.id);
  }
  const relationships = rows.flatMap((row) =>
    row.out.flatMap((r) => {
      const to = ids.get(r.end);
      return to === undefined
        ? []
        : [{ type: r.type, from: ids.get(row.eid)!, to, properties: encodeProperties(r.props) }];
    }),
  );
  return [nodes, relationships];
}

const has = (row: NodeRow, label: string) => row.labels.includes(label);
const citationIdsOf = (props: NodeRow['props']): string[] => {
  const v = props.find((p) => p.k === 'citationIds')?.v;
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
};

/**
 * A part holds published facts only (no retracted node or relationship), and of the quotes it
 * read only those that cite one of its nodes or of the relationships between them, with their
 * sources.
 */
function publishedAndCited(rows: readonly NodeRow[]): NodeRow[] {
  const published = rows.map((row) => ({
    ...row,
    out: row.out.filter((r) => !r.type.startsWith('RETRACTED_')),
  }));
  const core = published.filter((row) => !has(row, 'Citation') && !has(row, 'Source'));
  const inCore = new Set(core.map((row) => row.eid));
  const citationIds = new Set(
    core.flatMap((row) =>
      row.out.filter((r) => inCore.has(r.end)).flatMap((r) => citationIdsOf(r.props)),
    ),
  );
  const citedEids = new Set(
    core.flatMap((row) => row.out.filter((r) => r.type === 'CITED_BY').map((r) => r.end)),
  );
  const quotes = published.filter(
    (row) =>
      has(row, 'Citation') &&
      (citedEids.has(row.eid) || citationIds.has(String(row.props.find((p) => p.k === 'id')?.v))),
  );
  const sourceEids = new Set(
    quotes.flatMap((row) => row.out.filter((r) => r.type === 'FROM').map((r) => r.end)),
  );
  const sources = published.filter((row) => has(row, 'Source') && sourceEids.has(row.eid));
  return [...core, ...quotes, ...sources];
}
