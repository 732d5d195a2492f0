import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { isListType, isNonNullType, type GraphQLOutputType, type GraphQLSchema, type ValidationRule } from 'graphql';
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';
import { DEFAULT_FIRST } from '../common/pagination';
import { QueryTooComplexError } from '../errors/errors';

/** The most a single operation may cost (see costEstimator). A page of 100 practices with their models and 20 figures each is about 5,000. */
export const MAX_COST = 10_000;
export const MAX_DEPTH = 12;
/** Unpaginated lists (principles, citations, adopters) are short; each counts as this many items. */
const LIST_FACTOR = 5;

const isList = (type: GraphQLOutputType): boolean => isListType(isNonNullType(type) ? type.ofType : type);

/**
 * Cost = 1 per field, and a field returning many items multiplies the cost of its selection:
 * by `first` (or its default) for connections and paged lists, by LIST_FACTOR for other lists.
 */
export const costEstimator: ComplexityEstimator = ({ field, args, childComplexity }) => {
  const paged = field.args.some((a) => a.name === 'first');
  if (paged) return 1 + childComplexity * Math.max(1, Number(args.first ?? DEFAULT_FIRST));
  if (isList(field.type)) return 1 + childComplexity * LIST_FACTOR;
  return undefined;
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
            estimators: [costEstimator, simpleEstimator({ defaultComplexity: 1 })],
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
