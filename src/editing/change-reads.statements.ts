import { z } from 'zod';
import { cypherInt } from '../core/db/convert';
import { optText, text } from '../core/db/decode';
import type { DecodedQuery } from '../core/db/executor';
import { CHANGE, CHANGE_ROW, type ChangeRow, targetOf } from './change.statements';
import { factPattern, type FactType, linkEnds, versionProperty } from './editing-facts';

/** Cypher of what editors read: the queue of changes, a fact's history and events, its version. */

const int = z.number().int();

/**
 * A page of the nodes `label` (bound to `v`) in the given states, ordered by `order`: the page's
 * items and how many there are in all.
 */
export function pagedQuery<T>(
  spec: { label: string; v: string; order: string; projection: string; item: z.ZodType<T> },
  statuses: readonly string[],
  skip: number,
  limit: number,
): DecodedQuery<{ total: number; items: T[] }> {
  const { label, v } = spec;
  const match = `MATCH (${v}:${label}) WHERE ${v}.status IN $statuses`;
  return {
    cypher: `CALL () { ${match} RETURN count(${v}) AS total }
    CALL () { ${match} WITH ${v} ORDER BY ${spec.order} SKIP $skip LIMIT $limit RETURN collect(${spec.projection}) AS items }
    RETURN total, items`,
    params: { statuses, skip: cypherInt(skip), limit: cypherInt(limit) },
    row: z.object({ total: z.number(), items: z.array(spec.item) }),
  };
}

/** Changes in the given states, most recently touched first (an editor's queue). */
export const changesQuery = (statuses: readonly string[], skip: number, limit: number) =>
  pagedQuery(
    {
      label: 'Change',
      v: 'c',
      order: 'c.updatedAt DESC, c.id',
      projection: CHANGE,
      item: CHANGE_ROW,
    },
    statuses,
    skip,
    limit,
  );

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
      : `RETURN head(COLLECT { MATCH ${factPattern(type)} RETURN coalesce(n.${versionProperty(type)}, 1) }) AS version`;
  return {
    cypher,
    params: { key, ...linkEnds(key) },
    row: z.object({ version: z.number().nullable() }),
  };
}
