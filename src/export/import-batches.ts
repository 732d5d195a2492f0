import type { CypherQuery } from '../core/db/executor';
import { BadInputError } from '../core/errors';
import type { GraphDocument } from './graph-format';
import { identityOf, type NodeKind } from './graph-identity';
import { compare, type Properties, propertyParams, splitProperties } from './graph-values';
import {
  createRelationshipsQuery,
  deleteOthersQuery,
  type EndKind,
  mergeNodesQuery,
  mergeRetractedQuery,
  type NodeParam,
  type RelationshipParam,
} from './import.repository';

/** An import cut into transactions: each step one batch of rows, idempotent on its own. */

/** One transaction of an import, with the relationship rows it carries (for the summary). */
export interface ImportStep {
  readonly kind: 'delete' | 'nodes' | 'relationships';
  readonly query: CypherQuery;
  readonly rows: number;
}

const BATCH = 2_000;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The node statements: one MERGE per kind (and per former kind of retracted facts), in batches. */
function nodeStatements(
  doc: GraphDocument,
  kinds: readonly NodeKind[],
  size: number,
  replace: boolean,
): CypherQuery[] {
  const groups = new Map<string, { make: (rows: NodeParam[]) => CypherQuery; rows: NodeParam[] }>();
  for (const n of doc.nodes) {
    const identity = identityOf(n.labels, n.properties, kinds);
    // The file was read by readGraphFile, which refuses a node without an identity.
    if (typeof identity === 'string') throw new BadInputError(identity);
    const kind = identity.retracted?.kind ?? kinds.find((k) => k.label === identity.label)!;
    const group = identity.retracted ? `retracted:${kind.label}` : kind.label;
    const row: NodeParam = {
      id: n.id,
      key: identity.key,
      at: identity.retracted?.at,
      labels: n.labels,
      ...splitProperties(n.properties),
    };
    if (!groups.has(group))
      groups.set(group, {
        make: (rows) =>
          identity.retracted
            ? mergeRetractedQuery(kind, rows, replace)
            : mergeNodesQuery(kind, rows, replace),
        rows: [],
      });
    groups.get(group)!.rows.push(row);
  }
  return [...groups.keys()]
    .sort(compare)
    .flatMap((g) => chunks(groups.get(g)!.rows, size).map(groups.get(g)!.make));
}

/**
 * What names a node in the statements: its kind (or former kind, for a retracted fact), key and
 * time of retraction.
 */
interface Named {
  readonly end: EndKind;
  readonly key: string;
  readonly at?: string;
}

/**
 * The relationship statements, in batches of one pair of end kinds, each row with its ordinal
 * among identical relationships (counted over the whole file, so a batch may run on its own).
 */
function relationshipStatements(
  doc: GraphDocument,
  kinds: readonly NodeKind[],
  size: number,
): Array<{ query: CypherQuery; rows: number }> {
  const named = new Map<string, Named>();
  for (const n of doc.nodes) {
    const identity = identityOf(n.labels, n.properties, kinds);
    if (typeof identity === 'string') throw new BadInputError(identity);
    const kind = identity.retracted?.kind ?? kinds.find((k) => k.label === identity.label)!;
    named.set(n.id, {
      end: { kind, retracted: Boolean(identity.retracted) },
      key: identity.key,
      at: identity.retracted?.at,
    });
  }
  const seen = new Map<string, number>();
  const groups = new Map<string, { from: EndKind; to: EndKind; rows: RelationshipParam[] }>();
  for (const r of doc.relationships) {
    const same = `${r.type}\n${r.from}\n${r.to}\n${JSON.stringify(r.properties)}`;
    const ordinal = (seen.get(same) ?? 0) + 1;
    seen.set(same, ordinal);
    const [a, b] = [named.get(r.from)!, named.get(r.to)!];
    const group = `${a.end.retracted ? 'retracted:' : ''}${a.end.kind.label}>${b.end.retracted ? 'retracted:' : ''}${b.end.kind.label}`;
    if (!groups.has(group)) groups.set(group, { from: a.end, to: b.end, rows: [] });
    groups.get(group)!.rows.push({
      a: a.key,
      aAt: a.at,
      b: b.key,
      bAt: b.at,
      type: r.type,
      ordinal,
      props: propertyParams(r.properties as Properties),
    });
  }
  return [...groups.keys()].sort(compare).flatMap((g) => {
    const { from, to, rows } = groups.get(g)!;
    return chunks(rows, size).map((batch) => ({
      query: createRelationshipsQuery(batch, from, to),
      rows: batch.length,
    }));
  });
}

/**
 * The import's transactions in order (delete with `replace`, nodes, relationships), with the rows
 * each carries.
 */
export function importSteps(
  doc: GraphDocument,
  kinds: readonly NodeKind[],
  replace: boolean,
  size = BATCH,
): ImportStep[] {
  const nodes = nodeStatements(doc, kinds, size, replace);
  const relationships = relationshipStatements(doc, kinds, size);
  return [
    ...(replace
      ? [
          {
            kind: 'delete' as const,
            query: deleteOthersQuery(
              kinds,
              doc.nodes.map((n) => n.id),
            ),
            rows: 0,
          },
        ]
      : []),
    ...nodes.map((query) => ({ kind: 'nodes' as const, query, rows: 0 })),
    ...relationships.map(({ query, rows }) => ({ kind: 'relationships' as const, query, rows })),
  ];
}
