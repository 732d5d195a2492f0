import { z } from 'zod';
import { cypherInt } from '../core/db/convert';
import type { DecodedQuery } from '../core/db/executor';
import { type NodeKind, RETRACTED } from './graph-identity';
import { propsOf } from './graph-values';

/**
 * The statements of a streamed whole-graph export (export-stream.ts): a census of relationships,
 * then each kind's nodes in pages by key (the key's unique index walks them in order), with their
 * outgoing relationships and what names each relationship's end. Labels and keys come from the
 * registry; values are parameters. No statement holds more than one page.
 */

const RAW = z.array(z.object({ k: z.string(), t: z.string(), v: z.unknown() }));

const CENSUS = z.object({
  type: z.string(),
  from: z.array(z.string()),
  to: z.array(z.string()),
  n: z.number(),
});
export type CensusRow = z.output<typeof CENSUS>;

/** Relationships by type and the labels of their ends: the header's counts, read in one pass. */
export const relationshipCensusQuery = (): DecodedQuery<CensusRow> => ({
  cypher:
    'MATCH (a)-[r]->(b) RETURN type(r) AS type, labels(a) AS from, labels(b) AS to, count(*) AS n',
  row: CENSUS,
});

/**
 * The labels of kinds that come before `kind` in the registry: a node that has one of them is
 * counted there.
 */
const earlier = (kind: NodeKind, kinds: readonly NodeKind[]): string[] =>
  kinds.slice(0, kinds.indexOf(kind)).map((k) => k.label);
const notEarlier = (x: string, labels: readonly string[]) =>
  labels.length === 0 ? 'true' : `NOT (${labels.map((l) => `${x}:${l}`).join(' OR ')})`;

/** The nodes whose kind is `kind`. */
export function kindCountQuery(
  kind: NodeKind,
  kinds: readonly NodeKind[],
): DecodedQuery<{ n: number }> {
  return {
    cypher: `MATCH (n:${kind.label}) WHERE ${notEarlier('n', earlier(kind, kinds))} RETURN count(n) AS n`,
    row: z.object({ n: z.number() }),
  };
}

const END = z.object({
  labels: z.array(z.string()),
  keys: z.array(z.unknown()),
  retractedLabel: z.string().nullable(),
  retractedAt: z.string().nullable(),
});
const NODE_PAGE = z.object({
  key: z.string(),
  labels: z.array(z.string()),
  props: RAW,
  out: z.array(z.object({ type: z.string(), props: RAW, end: END })),
});
export type PageRow = z.output<typeof NODE_PAGE>;

/**
 * What names a relationship's end: its labels, its value of every kind's key, and a retracted
 * fact's kind and time.
 */
const endOf = (m: string) =>
  `{labels: labels(${m}), keys: [k IN $keyNames | ${m}[k]], retractedLabel: ${m}.retractedLabel, retractedAt: toString(${m}.retractedAt)}`;

/**
 * One page of `kind`'s nodes after `after`, in key order, with their properties and outgoing
 * relationships.
 */
export function kindPageQuery(
  kind: NodeKind,
  kinds: readonly NodeKind[],
  after: string | null,
  limit: number,
): DecodedQuery<PageRow> {
  const { label, key } = kind;
  return {
    cypher: `MATCH (n:${label}) WHERE ($after IS NULL OR n.${key} > $after) AND ${notEarlier('n', earlier(kind, kinds))}
      WITH n ORDER BY n.${key} LIMIT $limit
      RETURN n.${key} AS key, labels(n) AS labels, ${propsOf('n')} AS props,
        [(n)-[r]->(m) | {type: type(r), props: ${propsOf('r')}, end: ${endOf('m')}}] AS out`,
    params: { after, limit: cypherInt(limit), keyNames: [...new Set(kinds.map((k) => k.key))] },
    row: NODE_PAGE,
  };
}

const RETRACTED_ROW = NODE_PAGE.omit({ key: true });
export type RetractedRow = z.output<typeof RETRACTED_ROW>;

/** Every retracted fact with its relationships: few, read at once and ordered by their ids here. */
export function retractedQuery(kinds: readonly NodeKind[]): DecodedQuery<RetractedRow> {
  return {
    cypher: `MATCH (n:${RETRACTED}) WHERE ${notEarlier(
      'n',
      kinds.map((k) => k.label),
    )}
      RETURN labels(n) AS labels, ${propsOf('n')} AS props, [(n)-[r]->(m) | {type: type(r), props: ${propsOf('r')}, end: ${endOf('m')}}] AS out`,
    params: { keyNames: [...new Set(kinds.map((k) => k.key))] },
    row: RETRACTED_ROW,
  };
}

const SOURCE = z.object({ key: z.string(), text: z.string().nullable() });

/** One page of sources' texts, for the header's digests. */
export const sourceTextsQuery = (
  kind: NodeKind,
  kinds: readonly NodeKind[],
  after: string | null,
  limit: number,
): DecodedQuery<z.output<typeof SOURCE>> => ({
  cypher: `MATCH (n:${kind.label}) WHERE ($after IS NULL OR n.${kind.key} > $after) AND ${notEarlier('n', earlier(kind, kinds))}
    WITH n ORDER BY n.${kind.key} LIMIT $limit RETURN n.${kind.key} AS key, n.text AS text`,
  params: { after, limit: cypherInt(limit) },
  row: SOURCE,
});
