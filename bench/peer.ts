import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { Neo4jGraphQL } from '@neo4j/graphql';
import type { Driver } from 'neo4j-driver';
import { SEARCH_CYPHER } from './raw';
import { CANDIDATES_PEER_CYPHER, PILOTS_PEER_CYPHER } from './raw-scoring';

/**
 * Zhili's graph as `@neo4j/graphql` 7 sees it: the type definitions a user of that library would
 * write, with `@cypher` fields where its users would (a roll-up by code prefix, a sort key on a
 * related node, full-text search over several labels, scoring). Read-only: no mutations.
 */
export const PEER_TYPE_DEFS = /* GraphQL */ `
  type Region @node @mutation(operations: []) {
    code: String!
    name: String!
    nameEn: String
    level: String!
    parent: Region @relationship(type: "PART_OF", direction: OUT)
    children: [Region!]! @relationship(type: "PART_OF", direction: IN)
  }

  type GovernanceModel @node @mutation(operations: []) {
    slug: String!
    name: String!
    nameEn: String!
    kind: String!
    principles: [Principle!]! @relationship(type: "HAS_PRINCIPLE", direction: OUT, properties: "HasPrinciple")
    parents: [GovernanceModel!]! @relationship(type: "DERIVED_FROM", direction: OUT, properties: "DerivedFrom")
    practices: [Practice!]! @relationship(type: "IMPLEMENTS", direction: IN)
    upstream(depth: Int!): [GovernanceModel!]!
      @cypher(statement: "MATCH p = (this)-[:DERIVED_FROM*1..10]->(m:GovernanceModel) WHERE length(p) <= $depth RETURN DISTINCT m", columnName: "m")
  }

  type HasPrinciple @relationshipProperties {
    order: Int!
  }

  type DerivedFrom @relationshipProperties {
    relation: String!
  }

  type Principle @node @mutation(operations: []) {
    slug: String!
    name: String!
  }

  type Practice @node @mutation(operations: []) {
    id: String!
    name: String!
    status: String!
    startSort: Date
    region: Region @relationship(type: "IN", direction: OUT)
    models: [GovernanceModel!]! @relationship(type: "IMPLEMENTS", direction: OUT)
    observations: [Observation!]! @relationship(type: "ABOUT", direction: IN)
  }

  type Indicator @node @mutation(operations: []) {
    code: String!
    name: String!
    nameEn: String!
  }

  type Citation @node @mutation(operations: []) {
    id: String!
    quote: String!
    offset: Int!
  }

  type Observation @node @mutation(operations: []) {
    id: String!
    value: Float!
    unit: String!
    reported: String!
    regionCode: String @cypher(statement: "MATCH (this)-[:FOR]->(r:Region) RETURN r.code AS code", columnName: "code")
    region: Region @relationship(type: "FOR", direction: OUT)
    indicator: Indicator @relationship(type: "MEASURES", direction: OUT)
    citations: [Citation!]! @relationship(type: "CITED_BY", direction: OUT)
  }

  type Organization @node @mutation(operations: []) {
    id: String!
    name: String!
  }

  union SearchResult = GovernanceModel | Practice | Principle | Region | Organization

  type PilotScore {
    key: String!
    score: Float!
  }

  type CandidateScore {
    code: String!
    score: Float!
  }

  type Query {
    search(key: String!, pinyin: String, words: [String!]!, lucene: String!, english: String, prefix: String!, labels: [String!]!, pool: Int!, keyPool: Int!, first: Int!): [SearchResult!]! @cypher(statement: """${SEARCH_CYPHER}""", columnName: "node")
    comparablePilots(key: String!, first: Int!): [PilotScore!]!
      @cypher(statement: """${PILOTS_PEER_CYPHER}""", columnName: "match")
    adoptionCandidates(slug: String!, first: Int!): [CandidateScore!]!
      @cypher(statement: """${CANDIDATES_PEER_CYPHER}""", columnName: "match")
  }
`;

/** The peer served over HTTP on its own port, reading the same Neo4j. */
export async function startPeer(
  driver: Driver,
  port: number,
): Promise<{ url: string; stop: () => Promise<void> }> {
  const schema = await new Neo4jGraphQL({ typeDefs: PEER_TYPE_DEFS, driver }).getSchema();
  const server = new ApolloServer({ schema });
  const { url } = await startStandaloneServer(server, {
    listen: { port, host: '127.0.0.1' },
    context: async () => ({}),
  });
  return { url, stop: () => server.stop() };
}
