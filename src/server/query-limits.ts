import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import {
  type DocumentNode,
  getVariableValues,
  GraphQLError,
  type GraphQLSchema,
  type ParseOptions,
  type ValidationRule,
} from 'graphql';
import { getComplexity } from 'graphql-query-complexity';
import { AppError, QueryTooComplexError } from '../core/errors';
import { costEstimator } from './query-cost';

/**
 * The most a single operation may cost (see costEstimator): about the number of objects it may
 * fetch. 100 practices with their region, models and 5 figures each cost about 3,500; 100
 * practices with 100 figures each, 40,000.
 */
export const MAX_COST = 10_000;
export const MAX_DEPTH = 12;
export const MAX_ALIASES = 20;
export const MAX_TOKENS = 3000;
/**
 * Fields the cost walk may visit (fragments counted at each use), so a fragment bomb stops early.
 */
const MAX_PRICED_NODES = 20_000;

/**
 * The token limit is graphql-js's own (`parse(…, { maxTokens })`): the parser stops at the limit,
 * and Apollo answers a failed parse as GRAPHQL_PARSE_FAILED (400). GraphQL Armor's maxTokens
 * plugin parses in a plugin hook instead, where any syntax error escapes as a 500.
 */
export const parseOptions: ParseOptions = { maxTokens: MAX_TOKENS };

/**
 * Rejects, before any database work, operations that cost more than MAX_COST, and arguments that
 * are wrong on their face (costEstimator checks cursors, `first` and id lists as it prices them).
 * Variables that do not fit their types are left to execution, which refuses them as
 * BAD_USER_INPUT naming the variable before any resolver runs: pricing needs coerced values, and
 * graphql-query-complexity would throw a bare error (a 500) on the first bad one.
 */
export function costLimitPlugin(schema: GraphQLSchema, max = MAX_COST): ApolloServerPlugin {
  const known = new PricedDocuments();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, operation }) {
          const key = `${request.operationName ?? ''}\n${JSON.stringify(request.variables ?? {})}`;
          let cost = known.cost(document, key);
          if (cost === undefined) {
            const declared = operation?.variableDefinitions ?? [];
            if (getVariableValues(schema, declared, request.variables ?? {}).errors) return;
            cost = price(schema, document, request, max);
            known.keep(document, key, cost);
          }
          if (cost > max) throw new QueryTooComplexError(cost, max);
        },
      };
    },
  };
}

/** The operation's cost by the estimator; too many fields to price is too complex. */
function price(
  schema: GraphQLSchema,
  document: DocumentNode,
  request: { operationName?: string; variables?: Record<string, unknown> },
  max: number,
): number {
  try {
    return getComplexity({
      schema,
      query: document,
      operationName: request.operationName,
      variables: request.variables,
      estimators: [costEstimator],
      maxQueryNodes: MAX_PRICED_NODES,
    });
  } catch (error) {
    // Its own node limit is the only error it raises on a valid document: too big to price is
    // too complex.
    if (error instanceof AppError || !(error instanceof GraphQLError)) throw error;
    throw new QueryTooComplexError(MAX_PRICED_NODES, max);
  }
}

/** Variable sets remembered per document: a portal asks the same few over and over. */
const PRICES_PER_DOCUMENT = 64;

/**
 * Costs already computed, per parsed document (Apollo keeps one per query text) and variables:
 * the walk is the same every time, and it cost more than running a simple read. Only prices are
 * kept; a refusal is worked out again, so each request gets its own error.
 */
class PricedDocuments {
  private readonly prices = new WeakMap<DocumentNode, Map<string, number>>();

  cost(document: DocumentNode, key: string): number | undefined {
    return this.prices.get(document)?.get(key);
  }

  keep(document: DocumentNode, key: string, cost: number): void {
    let byKey = this.prices.get(document);
    if (!byKey) this.prices.set(document, (byKey = new Map()));
    if (byKey.size >= PRICES_PER_DOCUMENT) byKey.delete(byKey.keys().next().value!);
    byKey.set(key, cost);
  }
}

/**
 * Depth, alias and directive limits from GraphQL Armor; tokens are graphql-js's, cost is ours
 * (above).
 */
export function armorProtections(): {
  plugins: ApolloServerPlugin[];
  validationRules: ValidationRule[];
} {
  const { plugins, validationRules } = new ApolloArmor({
    maxDepth: { n: MAX_DEPTH },
    maxAliases: { n: MAX_ALIASES },
    maxDirectives: { n: 20 },
    maxTokens: { enabled: false },
    costLimit: { enabled: false },
    // A public research API: "did you mean …" helps people writing queries by hand.
    blockFieldSuggestion: { enabled: false },
  }).protect();
  return { plugins, validationRules };
}
