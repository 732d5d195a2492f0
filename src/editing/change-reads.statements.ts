import { z } from 'zod';
import { cypherInt } from '../core/db/convert';
import { optText, text } from '../core/db/decode';
import type { DecodedQuery } from '../core/db/executor';
import { CHANGE, CHANGE_ROW, type ChangeRow, targetOf } from './change.statements';
import { FACT_NODES, type FactType, linkEnds } from './editing-facts';

/** Cypher of what editors read: the queue of changes, a fact's history and events, its version. */

const int = z.number().int();

const PAGE = z.object({ total: z.number(), items: z.array(CHANGE_ROW) });

/** Changes in the given states, most recently touched first (an editor's queue). */
export const changesQuery = (
  statuses: readonly string[],
  skip: number,
  limit: number,
): DecodedQuery<z.output<typeof PAGE>> => ({
  cypher: `CALL () { MATCH (c:Change) WHERE c.status IN $statuses RETURN count(c) AS total }
    CALL () { MATCH (c:Change) WHERE c.status IN $statuses WITH c ORDER BY c.updatedAt DESC, c.id SKIP $skip LIMIT $limit RETURN collect(${CHANGE}) AS items }
    RETURN total, items`,
  params: { statuses, skip: cypherInt(skip), limit: cypherInt(limit) },
  row: PAGE,
});

/** Every change ever made to one fact, newest first: its history. */
export const historyQuery = (type: FactType, key: string): DecodedQuery<{ c: ChangeRow }> => ({
  cypher: `MATCH (c:Change {target: $target}) WITH c ORDER BY c.createdAt DESC, c.id RETURN ${CHANGE} AS c`,
  params: { target: targetOf(type, key) },
  row: z.object({ c: CHANGE_ROW }),
});

const EVENTS = z.object({
  id: text,
  events: z.array(
    z.object({
      at: text,
      by: text,
      action: text,
      from: optText,
      to: text,
      reason: optText,
      version: int,
    }),
  ),
});

/** The events of many changes, oldest first, in one statement. */
export const eventsQuery = (ids: readonly string[]): DecodedQuery<z.output<typeof EVENTS>> => ({
  cypher: `UNWIND $ids AS id MATCH (c:Change {id: id})
    RETURN id, COLLECT { MATCH (e:ChangeEvent)-[:ON]->(c) WITH e ORDER BY e.at, e.version
      RETURN {at: toString(e.at), by: e.byName, action: e.action, from: e.from, to: e.to, reason: e.reason, version: e.version} } AS events`,
  params: { ids },
  row: EVENTS,
});

/**
 * The current version of a published fact (null when there is none): what an update or a retraction
 * is based on.
 */
export function factVersionQuery(
  type: FactType,
  key: string,
): DecodedQuery<{ version: number | null }> {
  const cypher =
    type === 'LINEAGE_LINK'
      ? 'RETURN head(COLLECT { ' +
        'MATCH (:GovernanceModel {slug: $from})-[d:DERIVED_FROM]->(:GovernanceModel {slug: $to}) ' +
        'RETURN coalesce(d.version, 1) }) AS version'
      : `RETURN head(COLLECT { MATCH (n:${FACT_NODES[type].label} {${FACT_NODES[type].key}: $key}) RETURN coalesce(n.version, 1) }) AS version`;
  return {
    cypher,
    params: { key, ...linkEnds(key) },
    row: z.object({ version: z.number().nullable() }),
  };
}
