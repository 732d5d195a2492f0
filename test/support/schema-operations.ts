import {
  getNamedType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
  isAbstractType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
} from 'graphql';

/**
 * Operations generated from the schema, so hostile and fuzz tests cover every root field the
 * API has (new ones included) without a hand-written list.
 */

/** Leaf fields without required arguments: what a selection can always ask for. */
function leaves(type: GraphQLNamedType): string[] {
  if (!isObjectType(type)) return [];
  return Object.values(type.getFields())
    .filter(
      (f) =>
        isLeafType(getNamedType(f.type)) &&
        !f.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined),
    )
    .map((f) => f.name);
}

const interfaceLeaves = (type: GraphQLNamedType): string[] =>
  isInterfaceType(type)
    ? Object.values(type.getFields())
        .filter((f) => isLeafType(getNamedType(f.type)) && f.args.length === 0)
        .map((f) => f.name)
    : [];

/**
 * A selection for `type`: __typename, its leaves, and (while `depth` lasts) up to `breadth` of its
 * object fields that need no arguments; of an interface or union, what all its types share.
 */
export function selectionFor(
  schema: GraphQLSchema,
  type: GraphQLNamedType,
  depth = 1,
  breadth = 3,
): string {
  if (isLeafType(type)) return '';
  // An interface's own leaves (every possible type has them, alike): per-type fragments could ask
  // for same-named fields of different types, which validation refuses before anything runs.
  if (isAbstractType(type))
    return `{ ${['__typename', ...(isInterfaceType(type) ? interfaceLeaves(type) : [])].join(' ')} }`;
  if (!isObjectType(type)) return '{ __typename }';
  const nested =
    depth <= 0
      ? []
      : Object.values(type.getFields())
          .filter(
            (f) =>
              !isLeafType(getNamedType(f.type)) &&
              !f.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined),
          )
          .slice(0, breadth)
          .map(
            (f) => `${f.name} ${selectionFor(schema, getNamedType(f.type), depth - 1, breadth)}`,
          );
  return `{ ${['__typename', ...leaves(type), ...nested].join(' ')} }`;
}

export interface RootOperation {
  readonly field: GraphQLField<unknown, unknown>;
  /**
   * `query($a: T!, …) { field(a: $a, …) { … } }`: every argument is a variable named as the
   * argument.
   */
  readonly text: string;
}

/**
 * An operation calling one root field, every argument passed as a variable of its own name, except
 * those given in `inline` as literal GraphQL text.
 */
export function rootOperation(
  schema: GraphQLSchema,
  kind: 'query' | 'mutation',
  field: GraphQLField<unknown, unknown>,
  depth = 1,
  inline: Record<string, string> = {},
): RootOperation {
  const defs = field.args
    .filter((a) => !(a.name in inline))
    .map((a) => `$${a.name}: ${String(a.type)}`)
    .join(', ');
  const args = field.args.map((a) => `${a.name}: ${inline[a.name] ?? `$${a.name}`}`).join(', ');
  const selection = selectionFor(schema, getNamedType(field.type), depth);
  return {
    field,
    text: `${kind}${defs ? `(${defs})` : ''} { ${field.name}${args ? `(${args})` : ''} ${selection} }`,
  };
}

export const queryFields = (schema: GraphQLSchema): Array<GraphQLField<unknown, unknown>> =>
  Object.values(schema.getQueryType()!.getFields());

/**
 * Plausible values by argument name, so an operation fails (if it does) on the argument under test.
 */
const PLAUSIBLE: Readonly<Record<string, unknown>> = {
  code: '530103',
  slug: 'fengqiao-experience',
  slugs: ['fengqiao-experience', 'four-in-one-governance'],
  id: 'Region:530103',
  ids: ['Region:530103'],
  practiceId: 'Practice:dayingshequ-one-plus-four',
  text: '枫桥',
};

const SCALARS: Readonly<Record<string, unknown>> = {
  Int: 1,
  Float: 1,
  NonNegativeInt: 1,
  Boolean: false,
  JSONObject: {},
  LocalDate: '2020-01-01',
  DateTime: '2020-01-01T00:00:00Z',
  URL: 'https://example.org',
};

/** A value for a required argument or input field of `type` (null when it may be left out). */
export function plausible(name: string, type: GraphQLInputType): unknown {
  if (!isNonNullType(type)) return undefined;
  if (name in PLAUSIBLE) return PLAUSIBLE[name];
  const inner = type.ofType;
  if (isListType(inner)) return [plausible(name, inner.ofType)].filter((v) => v !== undefined);
  if (isEnumType(inner)) return inner.getValues()[0]!.name;
  if (isInputObjectType(inner)) {
    return Object.fromEntries(
      Object.values(inner.getFields()).flatMap((f) =>
        plausible(f.name, f.type) === undefined ? [] : [[f.name, plausible(f.name, f.type)]],
      ),
    );
  }
  return SCALARS[getNamedType(inner).name] ?? 'x';
}

/**
 * Where a string can go: a String or ID argument (or list of them), or such a field of an
 * input-object argument.
 */
export interface StringSlot {
  readonly arg: GraphQLArgument;
  /** The input-object field, when the slot is inside one. */
  readonly inputField?: string;
  readonly list: boolean;
}

const isStringy = (type: GraphQLInputType): { list: boolean } | null => {
  const named = getNamedType(type).name;
  if (named !== 'String' && named !== 'ID') return null;
  return { list: isListType(isNonNullType(type) ? type.ofType : type) };
};

export function stringSlots(field: GraphQLField<unknown, unknown>): StringSlot[] {
  return field.args.flatMap((arg) => {
    const direct = isStringy(arg.type);
    if (direct) return [{ arg, list: direct.list }];
    const named = getNamedType(arg.type);
    if (!isInputObjectType(named)) return [];
    return Object.values(named.getFields()).flatMap((f) => {
      const s = isStringy(f.type);
      return s ? [{ arg, inputField: f.name, list: s.list }] : [];
    });
  });
}

/** Variables for an operation of `field` with `value` in `slot` and plausible values elsewhere. */
export function variablesWith(
  field: GraphQLField<unknown, unknown>,
  slot: StringSlot,
  value: string,
): Record<string, unknown> {
  const vars: Record<string, unknown> = {};
  for (const arg of field.args) {
    const p = plausible(arg.name, arg.type);
    if (p !== undefined) vars[arg.name] = p;
  }
  const placed = slot.list ? [value] : value;
  vars[slot.arg.name] = slot.inputField
    ? { ...((vars[slot.arg.name] as object | undefined) ?? {}), [slot.inputField]: placed }
    : placed;
  return vars;
}
