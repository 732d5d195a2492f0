import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { getNamedType, isLeafType, isListType, isNonNullType, type GraphQLOutputType, type GraphQLSchema, type ValidationRule } from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { DEFAULT_FIRST } from '../core/pagination';
import { QueryTooComplexError } from '../core/errors';

/**
 * The most a single operation may cost (see costEstimator): about the number of objects it may
 * fetch. 100 practices with their region, models and 5 figures each cost about 3,500; 100
 * practices with 100 figures each, 40,000.
 */
export const MAX_COST = 10_000;
export const MAX_DEPTH = 12;
/** Unpaginated lists (principles, citations, adopters) are short; each counts as this many items. */
const LIST_FACTOR = 3;

const isList = (type: GraphQLOutputType): boolean => isListType(isNonNullType(type) ? type.ofType : type);

/**
 * Cost counts objects, not scalars: a scalar or enum field is free, an object field costs 1 plus
 * its selection, and a field returning many items multiplies its selection by `first` (or its
 * default) when paged, else by LIST_FACTOR. 100 practices with region, models and 5 figures
 * each cost about 3,000.
 */
export const costEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  if (isLeafType(getNamedType(field.type))) return 0;
  // A connection's edges are the page its field already paid for, item by item.
  if (field.name === 'edges' && type.name.endsWith('Connection')) return childComplexity;
  if (field.args.some((a) => a.name === 'first')) return 1 + childComplexity * Math.max(1, Number(args.first ?? DEFAULT_FIRST));
  if (isList(field.type)) return 1 + childComplexity * LIST_FACTOR;
  return 1 + childComplexity;
};

/** Rejects, before any database work, operations that cost more than MAX_COST. */
export function costLimitPlugin(schema: GraphQLSchema, max = MAX_COST): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          const cost = getComplexity({
            schema,
            query: document,
            operationName: request.operationName,
            variables: request.variables,
            estimators: [costEstimator],
          });
          if (cost > max) throw new QueryTooComplexError(cost, max);
        },
      };
    },
  };
}

/** Depth, alias, directive and token limits from GraphQL Armor; cost is ours (above). */
export function armorProtections(): { plugins: ApolloServerPlugin[]; validationRules: ValidationRule[] } {
  const { plugins, validationRules } = new ApolloArmor({
    maxDepth: { n: MAX_DEPTH },
    maxAliases: { n: 20 },
    maxDirectives: { n: 20 },
    maxTokens: { n: 3000 },
    costLimit: { enabled: false },
    // A public research API: "did you mean …" helps people writing queries by hand.
    blockFieldSuggestion: { enabled: false },
  }).protect();
  return { plugins, validationRules };
}
