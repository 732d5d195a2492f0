import { Field, Float, InputType, Int } from 'type-graphql';
import type { z } from 'zod';
import { SourceKind } from '../citation/citation.type';
import { graphqlEnum } from '../core/graphql-enum';
import { DatePrecision } from '../core/partial-date.type';
import { CLAIM_VERDICTS, ORGANIZATION_KINDS } from '../core/vocabulary';
import { UnitKind } from '../indicator/indicator.type';
import { LineageRelation, ModelKind } from '../model/model.type';
import { ComparisonKind, PeriodKind, Qualifier } from '../observation/observation.type';
import { PracticeCategory, PracticeStatus } from '../practice/practice-enums';
import { PrincipleKind } from '../principle/principle.type';
import { FACT_SCHEMAS, FACT_TYPES, type FactType } from './editing-facts';
import { fieldNote, INPUT_NAMES, KIND_FIELDS } from './fact-input-notes';

/**
 * One typed GraphQL input per kind of fact, made from the zod schema that checks it, so the two
 * cannot drift: each field of the seed format is a field of the input, with its GraphQL type
 * (enums for vocabularies), nullable where the format lets it be absent. Introspection, codegen and
 * the desk see the fields; zod still checks the values, once, after the input is turned back into
 * the seed's shape (`seedShape`).
 */

const OrganizationKind = graphqlEnum(
  'OrganizationKind',
  ORGANIZATION_KINDS,
  'What an organisation is: a body of the state, a team or a group of volunteers.',
);
const ClaimVerdict = graphqlEnum(
  'ClaimVerdict',
  CLAIM_VERDICTS,
  'A reviewed claim: STATED by its quotes, or EDITORIAL (the project says it, with a basis).',
);

/** The API's enums, found by their values: a zod enum of the same values is that enum. */
const ENUMS: ReadonlyArray<Record<string, string>> = [
  SourceKind,
  DatePrecision,
  UnitKind,
  LineageRelation,
  ModelKind,
  ComparisonKind,
  PeriodKind,
  Qualifier,
  PracticeCategory,
  PracticeStatus,
  PrincipleKind,
  OrganizationKind,
  ClaimVerdict,
];

type Zod = z.core.$ZodType;
type Def = { type: string; innerType?: Zod; element?: Zod; options?: Zod[]; shape?: object };
const defOf = (s: Zod) => s._zod.def as unknown as Def;

/** The schema without optional, default and nullable around it; whether absence is allowed. */
function unwrap(schema: Zod): { inner: Zod; nullable: boolean; keepsNull: boolean } {
  let inner = schema;
  let nullable = false;
  let keepsNull = false;
  for (;;) {
    const def = defOf(inner);
    if (def.type === 'optional' || def.type === 'default') nullable = true;
    else if (def.type === 'nullable') keepsNull = nullable = true;
    else return { inner, nullable, keepsNull: keepsNull && !isOptional(schema) };
    inner = def.innerType!;
  }
}
const isOptional = (s: Zod) => ['optional', 'default'].includes(defOf(s).type);

/** Input classes made so far, by the zod object they are made from (shared ones are shared). */
const made = new Map<Zod, { cls: new () => object; keepNull: Set<string> }>();

/** The GraphQL type of a field's schema (unwrapped), making input classes for objects in it. */
function graphqlType(schema: Zod, name: string): unknown {
  const def = defOf(schema);
  if (def.type === 'array') return [graphqlType(unwrap(def.element!).inner, name)];
  // A citation is a quote, or a quote with its source: an input takes the second form.
  if (def.type === 'union') {
    const object = def.options!.find((o) => defOf(o).type === 'object')!;
    return inputClass(object, INPUT_NAMES.get(schema) ?? name).cls;
  }
  if (def.type === 'object') return inputClass(schema, name).cls;
  if (def.type === 'enum') {
    const values = (schema as unknown as { options: string[] }).options;
    const found = ENUMS.find((e) => sameValues(Object.values(e), values));
    if (!found) throw new Error(`no GraphQL enum has the values ${values.join(', ')}`);
    return found;
  }
  if (def.type === 'number') return (schema as unknown as { isInt: boolean }).isInt ? Int : Float;
  if (def.type === 'boolean') return Boolean;
  if (def.type === 'string') return String;
  throw new Error(`no GraphQL input type for a zod ${def.type} (${name})`);
}

const sameValues = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((v) => b.includes(v));

function inputClass(schema: Zod, name: string): { cls: new () => object; keepNull: Set<string> } {
  const known = made.get(schema);
  if (known) return known;
  const typeName = INPUT_NAMES.get(schema) ?? name;
  const cls = { [typeName]: class {} }[typeName]!;
  const entry = { cls, keepNull: new Set<string>() };
  made.set(schema, entry);
  const shape = defOf(schema).shape as Record<string, Zod>;
  for (const [field, fieldSchema] of Object.entries(shape)) {
    const { inner, nullable, keepsNull } = unwrap(fieldSchema);
    if (keepsNull) entry.keepNull.add(field);
    const type = graphqlType(inner, `${typeName.replace(/Input$/, '')}${cap(field)}Input`);
    const description = fieldNote(typeName, field);
    Field(() => type as never, { nullable: nullable || undefined, description })(
      cls.prototype,
      field,
    );
  }
  InputType(typeName, { description: INPUT_NOTES.get(typeName) ?? `Part of a fact: ${typeName}.` })(
    cls,
  );
  return entry;
}

const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1);
const INPUT_NOTES = new Map<string, string>();

/** The input of each kind of fact, by kind. */
export const FACT_INPUTS = Object.fromEntries(
  FACT_TYPES.map((type) => {
    const name = `${KIND_FIELDS[type].name}FactInput`;
    INPUT_NOTES.set(name, `A ${type} fact, in the fields of seed/FORMAT.md.`);
    return [type, inputClass(FACT_SCHEMAS[type] as Zod, name)];
  }),
) as Record<FactType, { cls: new () => object; keepNull: Set<string> }>;

/**
 * A typed input turned back into the seed's shape: absent fields (null) dropped, except those
 * the format requires to be stated even as null (an indicator's higherIsBetter).
 */
export const seedShape = (type: FactType, value: object): Record<string, unknown> =>
  shaped(value, FACT_SCHEMAS[type] as Zod) as Record<string, unknown>;

function shaped(value: unknown, schema: Zod): unknown {
  if (Array.isArray(value)) {
    const element = defOf(unwrap(schema).inner).element;
    return value.map((v) => shaped(v, element ? unwrap(element).inner : schema));
  }
  if (value === null || typeof value !== 'object') return value;
  const inner = unwrap(schema).inner;
  const target =
    defOf(inner).type === 'union'
      ? defOf(inner).options!.find((o) => defOf(o).type === 'object')!
      : inner;
  const shape = (defOf(target).shape ?? {}) as Record<string, Zod>;
  const keep = made.get(target)?.keepNull ?? new Set<string>();
  return Object.fromEntries(
    Object.entries(value)
      .filter(([k, v]) => v !== undefined && (v !== null || keep.has(k)))
      .map(([k, v]) => [k, shape[k] ? shaped(v, shape[k]) : v]),
  );
}

/** One fact of any kind: exactly one field, the one of the kind proposed. */
@InputType({
  description:
    'A fact in typed fields: give exactly one, the one of the kind proposed (`type`). The same ' +
    'fields as the seed format (seed/FORMAT.md).',
})
export class FactInput {
  [field: string]: object | null | undefined;
}
for (const type of FACT_TYPES)
  Field(() => FACT_INPUTS[type].cls, { nullable: true, description: `A ${type} fact.` })(
    FactInput.prototype,
    KIND_FIELDS[type].field,
  );

/** The kind's fact from a FactInput, or why it cannot be read as that kind. */
export function factOfInput(type: FactType, input: FactInput): Record<string, unknown> | string {
  const given = FACT_TYPES.filter((t) => input[KIND_FIELDS[t].field] != null);
  if (given.length !== 1 || given[0] !== type)
    return `give exactly one field, \`${KIND_FIELDS[type].field}\` for a ${type} (given: ${given.map((t) => KIND_FIELDS[t].field).join(', ') || 'none'})`;
  return seedShape(type, input[KIND_FIELDS[type].field]!);
}
