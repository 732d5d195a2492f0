import type { CypherQuery } from './executor';

/**
 * The graph's revision, one counter on a `GraphState` node. Every write of facts runs this in its
 * own transaction, so state derived from the graph and kept between requests (the pilots'
 * similarity index) can tell, with one cheap read, that it is stale.
 */
export const bumpRevisionQuery = (): CypherQuery => ({
  cypher: "MERGE (s:GraphState {key: 'graph'}) SET s.revision = coalesce(s.revision, 0) + 1",
});
