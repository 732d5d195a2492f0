import type { CypherQuery } from '../core/db/executor';
import { type NodeKind, RETRACTED } from './graph-identity';
import type { PropertyParam } from './graph-values';
import { typedValue } from './graph-values';

/**
 * The import's statements, each an UNWIND over rows. Labels and key names come from the registry's
 * kinds (code); relationship types, extra labels and property names from the file travel as
 * parameters (`$(row.type)`, `n[p.key]`), checked beforehand (import.validate.ts), never spliced.
 */

export interface NodeParam {
  readonly id: string;
  readonly key: string;
  /** For a retracted fact: when (Cypher datetime text). */
  readonly at?: string;
  readonly plain: Record<string, unknown>;
  readonly typed: readonly PropertyParam[];
  /** Every label of the node in the file (its kind's and any beyond). */
  readonly labels: readonly string[];
}

export interface RelationshipParam {
  /** The ends' keys (and, for a retracted fact, when it was retracted). */
  readonly a: string;
  readonly aAt?: string;
  readonly b: string;
  readonly bAt?: string;
  readonly type: string;
  /**
   * The how-manieth identical relationship (same type, ends and properties) in the file, from 1.
   */
  readonly ordinal: number;
  readonly props: readonly PropertyParam[];
}

/**
 * The file's properties over the node's (`+=`), or instead of them (`=`, --replace); then its
 * labels likewise.
 */
const setNode = (replace: boolean) => `SET n ${replace ? '=' : '+='} row.plain
WITH n, row, existed
CALL (n, row) { UNWIND row.typed AS p SET n[p.key] = ${typedValue('p')} }
CALL (n, row) { SET n:$(row.labels) }
${replace ? 'CALL (n, row) { REMOVE n:$([l IN labels(n) WHERE NOT l IN row.labels]) }' : ''}
RETURN row.id AS id, elementId(n) AS eid, existed`;

/**
 * MERGE by kind and key; properties from the file set over what the node has. Returns each node's
 * element id.
 */
export function mergeNodesQuery(
  kind: NodeKind,
  rows: readonly NodeParam[],
  replace: boolean,
): CypherQuery {
  return {
    cypher: `UNWIND $rows AS row
WITH row, EXISTS { MATCH (:${kind.label} {${kind.key}: row.key}) } AS existed
MERGE (n:${kind.label} {${kind.key}: row.key})
${setNode(replace)}`,
    params: { rows },
  };
}

/** Retracted facts of one former kind, by that kind's key and the time of their retraction. */
export function mergeRetractedQuery(
  was: NodeKind,
  rows: readonly NodeParam[],
  replace: boolean,
): CypherQuery {
  const match = `:${RETRACTED} {retractedLabel: $was, ${was.key}: row.key, retractedAt: datetime(row.at)}`;
  return {
    cypher: `UNWIND $rows AS row
WITH row, EXISTS { MATCH (${match}) } AS existed
MERGE (n${match})
${setNode(replace)}`,
    params: { rows, was: was.label },
  };
}

/**
 * How a relationship's end is found: by its kind and key, or as a retracted fact of a kind by key
 * and time.
 */
export interface EndKind {
  readonly kind: NodeKind;
  readonly retracted: boolean;
}

const matchEnd = (x: 'a' | 'b', end: EndKind) =>
  end.retracted
    ? `MATCH (${x}:${RETRACTED} {retractedLabel: $${x}Was, ${end.kind.key}: row.${x}, retractedAt: datetime(row.${x}At)})`
    : `MATCH (${x}:${end.kind.label} {${end.kind.key}: row.${x}})`;

/**
 * Creates each relationship unless the database already holds as many identical ones (same type,
 * ends and properties) as its ordinal: importing twice adds nothing, and identical parallel
 * relationships keep their number. The ends are found by key, so a batch needs nothing from
 * another: an import resumed after a kill carries on where it stopped.
 */
export function createRelationshipsQuery(
  rows: readonly RelationshipParam[],
  from: EndKind,
  to: EndKind,
): CypherQuery {
  return {
    cypher: `UNWIND $rows AS row
${matchEnd('a', from)}
${matchEnd('b', to)}
WITH a, b, row, [p IN row.props | {key: p.key, value: ${typedValue('p')}}] AS props
WHERE COUNT { (a)-[r]->(b) WHERE type(r) = row.type AND size(keys(r)) = size(props) AND all(p IN props WHERE r[p.key] = p.value) } < row.ordinal
CREATE (a)-[r:$(row.type)]->(b)
WITH r, props
CALL (r, props) { UNWIND props AS p SET r[p.key] = p.value }
RETURN count(r) AS created`,
    params: { rows, aWas: from.kind.label, bWas: to.kind.label },
  };
}

const exported = (v: string) => `any(l IN labels(${v}) WHERE l IN $labels)`;

/**
 * --replace, first: drops every node of the exported kinds whose id the file does not hold (a
 * node without its key too), and every relationship between nodes of those kinds; the import
 * then writes the file's. Nodes the file holds stay and are overwritten, not deleted and made
 * again: Neo4j's key lookups slow down with every node deleted earlier in the same transaction.
 */
export function deleteOthersQuery(kinds: readonly NodeKind[], ids: readonly string[]): CypherQuery {
  const idOf = `CASE WHEN n:${RETRACTED} THEN '${RETRACTED}:' + n.retractedLabel + ':' + n[$keys[n.retractedLabel]] + ':' + toString(n.retractedAt)
    ELSE head([l IN labels(n) WHERE l IN keys($keys)]) + ':' + n[$keys[head([l IN labels(n) WHERE l IN keys($keys)])]] END`;
  return {
    cypher: `CALL () {
  MATCH (n) WHERE ${exported('n')}
  WITH n, ${idOf} AS id
  WHERE id IS NULL OR NOT id IN $ids
  DETACH DELETE n
  RETURN count(n) AS nodes
}
CALL () {
  MATCH (a)-[r]->(b) WHERE ${exported('a')} AND ${exported('b')}
  DELETE r
  RETURN count(r) AS relationships
}
RETURN nodes, relationships`,
    params: {
      labels: [...kinds.map((k) => k.label), RETRACTED],
      keys: Object.fromEntries(kinds.map((k) => [k.label, k.key])),
      ids,
    },
  };
}
