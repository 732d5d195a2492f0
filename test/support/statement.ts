import neo4j from 'neo4j-driver';
import type { CypherQuery } from '../../src/core/db/executor';

/**
 * Parameters with Neo4j integers shown as `int(n)`, so a snapshot tells them from floats (LIMIT
 * refuses floats).
 */
function readable(value: unknown): unknown {
  if (neo4j.isInt(value)) return `int(${value.toString()})`;
  if (Array.isArray(value)) return value.map(readable);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, readable(v)]));
  return value;
}

/**
 * What a query builder produced, for snapshots: the statement and its parameters, not its row
 * schema.
 */
export const statementOf = (q: CypherQuery) => ({
  cypher: q.cypher,
  params: readable(q.params ?? {}),
});
