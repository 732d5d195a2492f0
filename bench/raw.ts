/**
 * Each benchmark question as one hand-written Cypher statement: the floor a GraphQL layer is
 * measured against. The peer (`@neo4j/graphql`) reuses the search and scoring statements in its
 * `@cypher` fields, as its users would.
 */

import { queryKeys } from '../src/search/query-text';
import { channels } from '../src/search/search-channels';
import { SEARCHABLE } from '../src/search/search-indexes';
import { KEY_POOL, POOL, rankedCypher } from '../src/search/search.repository';

const SEARCHABLE_LIST = `[${SEARCHABLE.map((l) => `'${l}'`).join(', ')}]`;

export const REGION_CYPHER = `MATCH (r:Region {code: $code}) OPTIONAL MATCH (r)-[:PART_OF]->(p:Region)
  RETURN {code: r.code, name: r.name, parent: CASE WHEN p IS NULL THEN null ELSE {code: p.code, name: p.name} END} AS answer`;

export const CHILDREN_CYPHER = `MATCH (p:Region {code: $code})
  RETURN {total: COUNT { (:Region)-[:PART_OF]->(p) },
    items: COLLECT { MATCH (r:Region)-[:PART_OF]->(p) WITH r ORDER BY r.code LIMIT $first RETURN {code: r.code, name: r.name} }} AS answer`;

export const PRACTICES_CYPHER = `CALL () {
    MATCH (p:Practice)-[:IN]->(r:Region) WHERE r.code STARTS WITH $code RETURN count(p) AS total
  }
  CALL () {
    MATCH (p:Practice)-[:IN]->(r:Region) WHERE r.code STARTS WITH $code
    WITH p, r ORDER BY p.startSort, p.id LIMIT $first
    RETURN collect({key: p.id, name: p.name, region: {code: r.code, name: r.name},
      models: COLLECT { MATCH (p)-[:IMPLEMENTS]->(m:GovernanceModel) WITH m ORDER BY m.slug RETURN {slug: m.slug, name: m.name} }}) AS items
  }
  RETURN {total: total, items: items} AS answer`;

export const FIGURES_CYPHER = `CALL () {
    MATCH (o:Observation)-[:FOR]->(r:Region) WHERE r.code STARTS WITH $code RETURN count(o) AS total
  }
  CALL () {
    MATCH (o:Observation)-[:FOR]->(r:Region) WHERE r.code STARTS WITH $code
    WITH o, r ORDER BY r.code, o.id LIMIT $first
    MATCH (o)-[:MEASURES]->(i:Indicator)
    RETURN collect({key: o.id, value: o.value, unit: o.unit, reported: o.reported, indicator: {code: i.code, nameEn: i.nameEn},
      citations: COLLECT { MATCH (o)-[:CITED_BY]->(c:Citation) WITH c ORDER BY c.offset RETURN {quote: c.quote, offset: c.offset} }}) AS items
  }
  RETURN {total: total, items: items} AS answer`;

export const LINEAGE_CYPHER = `MATCH (root:GovernanceModel {slug: $slug})
  OPTIONAL MATCH path = (root)-[:DERIVED_FROM*1..10]->(:GovernanceModel) WHERE length(path) <= $depth
  WITH root, [rel IN collect(DISTINCT last(relationships(path))) WHERE rel IS NOT NULL] AS rels
  RETURN {nodes: [root.slug] + [rel IN rels | endNode(rel).slug],
    edges: [rel IN rels | {from: startNode(rel).slug, to: endNode(rel).slug, relation: rel.relation}]} AS answer`;

/**
 * Zhili's own ranking (src/search/search.repository.ts) of Chinese text, one statement; the peer's
 * `search` runs it too.
 */
export const SEARCH_CYPHER = `${rankedCypher(channels(SEARCHABLE, queryKeys('中文')))}
    LIMIT $first
    RETURN node`;

/** The statement's parameters for a Chinese text, as Zhili computes them (search/query-text.ts). */
export function searchParams(text: string, first: number) {
  const k = queryKeys(text);
  return {
    key: k.key,
    pinyin: k.pinyin,
    words: k.words,
    lucene: k.lucene,
    english: k.english,
    prefix: k.prefix,
    labels: [...SEARCHABLE],
    pool: POOL,
    keyPool: KEY_POOL,
    first,
  };
}

export const SEARCH_RAW_CYPHER = `${SEARCH_CYPHER.replace(/RETURN node$/, '')}
    RETURN collect({label: [l IN labels(node) WHERE l IN ${SEARCHABLE_LIST}][0], key: coalesce(node.slug, node.code, node.id)}) AS answer`;

export const TREE_CYPHER = `MATCH (p:Practice)
  WITH p ORDER BY p.startSort, p.id LIMIT $first
  RETURN collect({key: p.id, models: COLLECT { MATCH (p)-[:IMPLEMENTS]->(m:GovernanceModel) WITH m ORDER BY m.slug
    RETURN {slug: m.slug, principles: COLLECT { MATCH (m)-[h:HAS_PRINCIPLE]->(x:Principle) WITH x ORDER BY h.order RETURN x.slug }} }}) AS answer`;
