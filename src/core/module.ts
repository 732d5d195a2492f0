import type { ClassType } from 'type-graphql';
import type { CypherQuery } from './db/executor';
import type { Entity } from './entity';

/**
 * What a domain module contributes to the application. The registry (src/modules.ts) lists the
 * modules; the server builds the schema, node dispatch and constraints from them, and the seed
 * its reload keys.
 */
export interface DomainModule {
  readonly name: string;
  /** Node types the module owns. */
  readonly entities?: readonly Entity[];
  /** type-graphql resolver classes. */
  readonly resolvers?: readonly ClassType[];
  /** Object types reachable only through `node` (type-graphql's orphaned types). */
  readonly types?: readonly ClassType[];
  /** Schema statements beyond the entities' constraints and indexes (full-text indexes …). */
  readonly schema?: readonly CypherQuery[];
  /**
   * Constraints beyond the entities' key constraints, for nodes that are not entities (applied
   * before any write).
   */
  readonly constraints?: readonly CypherQuery[];
}
