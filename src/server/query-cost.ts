import {
  getNamedType,
  type GraphQLOutputType,
  isLeafType,
  isListType,
  isNonNullType,
} from 'graphql';
import type { ComplexityEstimator } from 'graphql-query-complexity';
import { MAX_COMPARED } from '../compare/compare.args';
import { BadInputError } from '../core/errors';
import { decodeCursor, DEFAULT_FIRST, MAX_FIRST } from '../core/pagination';
import { MAX_NODES } from '../node/node.args';
import { MAX_MATCHES } from '../pilots/pilots.args';
import { MAX_HITS } from '../search/search.args';

/** A node's own few links (a model's principles, a fact's citations): a handful each. */
export const SHORT_LIST = 3;
/**
 * Lists that grow with the graph and have no `first` (a model's adopters, the models built on a
 * principle, every principle): the seed graph's longest holds 16 items.
 */
export const LONG_LIST = 20;

/**
 * What `first` may be, as each field's argument class says: 0 to 100 for pages, 1 to 50 where every
 * item is ranked or scored.
 */
const PAGE_FIRST: readonly [number, number] = [0, MAX_FIRST];
const FIRST_BOUNDS: Readonly<Record<string, readonly [number, number]>> = {
  'Query.search': [1, MAX_HITS],
  'Query.comparablePilots': [1, MAX_MATCHES],
  'Query.adoptionCandidates': [1, MAX_MATCHES],
};

/** Lists without `first`, by the most they can return; any other list is SHORT_LIST. */
const LIST_SIZE: Readonly<Record<string, number>> = {
  // Bounded by the code: at most ten models are compared; a village has four units above it.
  'ModelComparison.models': MAX_COMPARED,
  'ModelComparison.perModel': MAX_COMPARED,
  'PrincipleUse.models': MAX_COMPARED,
  'Region.ancestors': 4,
  // Growing with the graph.
  'Query.principles': LONG_LIST,
  'Query.indicators': LONG_LIST,
  'Query.factHistory': LONG_LIST,
  'Principle.models': LONG_LIST,
  'Region.modelsAdopted': LONG_LIST,
  'GovernanceModel.adopters': LONG_LIST,
  'ModelSide.adopters': LONG_LIST,
  'ModelComparison.principleMatrix': LONG_LIST,
  'ModelComparison.figures': LONG_LIST,
  'IndicatorFigures.figures': LONG_LIST,
  'Lineage.nodes': LONG_LIST,
  'Lineage.edges': LONG_LIST,
};

/**
 * Lists that return one item per element of an argument (`nodes(ids:)`), with that argument's
 * bound.
 */
const PER_ARGUMENT: Readonly<
  Record<string, { readonly arg: string; readonly most: number; readonly message: string }>
> = {
  'Query.nodes': { arg: 'ids', most: MAX_NODES, message: `at most ${MAX_NODES} ids at once` },
};

const isList = (type: GraphQLOutputType): boolean =>
  isListType(isNonNullType(type) ? type.ofType : type);

/**
 * Arguments whose mistakes need no database to see, checked for every field of the operation
 * before it runs (so a forged cursor or `first: 1000000` never reaches Cypher): a cursor this API
 * did not issue, a `first` or a list of ids beyond what the field accepts (in the words of the
 * field's own argument checks, which stay for whatever reaches a resolver another way).
 */
function checkArguments(key: string, args: Record<string, unknown>): void {
  if (typeof args.after === 'string') decodeCursor(args.after);
  if (typeof args.first === 'number') {
    const [least, most] = FIRST_BOUNDS[key] ?? PAGE_FIRST;
    if (args.first < least || args.first > most)
      throw new BadInputError(`first must be between ${least} and ${most}`, 'first');
  }
  const per = PER_ARGUMENT[key];
  const items = per ? args[per.arg] : undefined;
  if (per && Array.isArray(items) && items.length > per.most)
    throw new BadInputError(per.message, per.arg);
}

/**
 * Cost counts objects, not scalars: a scalar or enum field is free, an object field costs 1 plus
 * its selection, and a list multiplies its selection by the most items it can return: `first`
 * (or its default) when paged, the length of its list argument (`nodes(ids:)`), a bound the code
 * fixes (ten compared models), else LONG_LIST or SHORT_LIST (LIST_SIZE). 100 practices with
 * region, models and 5 figures each cost about 3,000.
 */
export const costEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  const key = `${type.name}.${field.name}`;
  checkArguments(key, args);
  if (isLeafType(getNamedType(field.type))) return 0;
  // A connection's edges are the page its field already paid for, item by item.
  if (field.name === 'edges' && type.name.endsWith('Connection')) return childComplexity;
  if (field.args.some((a) => a.name === 'first'))
    return 1 + childComplexity * Math.max(1, Number(args.first ?? DEFAULT_FIRST));
  const per = PER_ARGUMENT[key];
  const items = per ? args[per.arg] : undefined;
  if (Array.isArray(items)) return 1 + childComplexity * Math.max(1, items.length);
  if (isList(field.type)) return 1 + childComplexity * (LIST_SIZE[key] ?? SHORT_LIST);
  return 1 + childComplexity;
};
