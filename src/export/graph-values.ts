/**
 * Property values between Neo4j and the export file, losslessly. Strings, booleans, finite floats
 * and lists of them are plain JSON; every other type is tagged `{"$type": T, "value": …}` with
 * Neo4j's own type name (INTEGER as decimal text, so 64 bits survive; temporals in Cypher's ISO
 * text; points as {srid, x, y, z}). The export reads values already in that shape (`readProps`);
 * the import turns them back with Cypher's own parsers (`typedValue`), so nothing is parsed here.
 */

/** Scalar types that travel tagged, and the Cypher function that reads each back from its text. */
const READERS: Readonly<Record<string, (x: string) => string>> = {
  INTEGER: (x) => `toInteger(${x})`,
  FLOAT: (x) =>
    `CASE ${x} WHEN 'NaN' THEN 0.0 / 0.0 WHEN 'Infinity' THEN 1.0 / 0.0 WHEN '-Infinity' THEN -1.0 / 0.0 ELSE toFloat(${x}) END`,
  DATE: (x) => `date(${x})`,
  'ZONED DATETIME': (x) => `datetime(${x})`,
  'LOCAL DATETIME': (x) => `localdatetime(${x})`,
  'ZONED TIME': (x) => `time(${x})`,
  'LOCAL TIME': (x) => `localtime(${x})`,
  DURATION: (x) => `duration(${x})`,
  // JSON numbers arrive as floats; a point's srid must be an integer.
  POINT: (x) =>
    `CASE WHEN ${x}.z IS NULL THEN point({srid: toInteger(${x}.srid), x: ${x}.x, y: ${x}.y}) ELSE point({srid: toInteger(${x}.srid), x: ${x}.x, y: ${x}.y, z: ${x}.z}) END`,
};

export const TAGGED_TYPES: readonly string[] = Object.keys(READERS).flatMap((t) => [
  t,
  `LIST<${t}>`,
]);

export interface Point {
  readonly srid: number;
  readonly x: number;
  readonly y: number;
  readonly z?: number;
}

export interface Tagged {
  readonly $type: string;
  readonly value: string | Point | ReadonlyArray<string | Point>;
}

export type PropertyValue =
  string | boolean | number | readonly string[] | readonly boolean[] | readonly number[] | Tagged;
export type Properties = Readonly<Record<string, PropertyValue>>;

/** A property as the export statement reads it: name, Neo4j type, and value (see `propsOf`). */
export interface RawProperty {
  readonly k: string;
  readonly t: string;
  readonly v: unknown;
}

/**
 * Cypher reading the properties of `x` as RawProperty entries: integers and temporals as their
 * Cypher text, the rest as they are (the executor turns points into {srid, x, y, z}).
 */
export function propsOf(x: string): string {
  const scalar = (e: string) =>
    `CASE WHEN ${e} IS :: STRING OR ${e} IS :: BOOLEAN OR ${e} IS :: FLOAT OR ${e} IS :: POINT THEN ${e} ELSE toString(${e}) END`;
  return `[k IN keys(${x}) | {k: k, t: valueType(${x}[k]), v: CASE WHEN ${x}[k] IS :: LIST<ANY> THEN [e IN ${x}[k] | ${scalar('e')}] ELSE ${scalar(`${x}[k]`)} END}]`;
}

/** Neo4j's type name without nullability: `LIST<INTEGER NOT NULL> NOT NULL` → `LIST<INTEGER>`. */
export const typeName = (t: string): string => t.replace(/ NOT NULL/g, '');

/**
 * A float as text that reads back to the same double (sign of zero and non-finite values included).
 */
export function floatText(x: number): string {
  if (Object.is(x, -0)) return '-0.0';
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? 'Infinity' : '-Infinity';
  return String(x);
}

const plainFloat = (x: unknown) => typeof x === 'number' && Number.isFinite(x) && !Object.is(x, -0);

function asPoint(v: unknown): Point {
  const p = v as { srid: number; x: number; y: number; z?: number | null };
  return p.z === null || p.z === undefined
    ? { srid: p.srid, x: p.x, y: p.y }
    : { srid: p.srid, x: p.x, y: p.y, z: p.z };
}

/** One property read from Neo4j, as the file holds it. */
export function encodeValue({ t, v }: RawProperty): PropertyValue {
  const type = typeName(t);
  if (type === 'STRING' || type === 'BOOLEAN') return v as string | boolean;
  if (type === 'FLOAT')
    return plainFloat(v) ? (v as number) : { $type: 'FLOAT', value: floatText(v as number) };
  if (type === 'LIST<STRING>' || type === 'LIST<BOOLEAN>' || type === 'LIST<NOTHING>')
    return v as string[];
  if (type === 'LIST<FLOAT>') {
    const xs = v as number[];
    return xs.every(plainFloat) ? xs : { $type: type, value: xs.map(floatText) };
  }
  if (type === 'POINT') return { $type: type, value: asPoint(v) };
  if (type === 'LIST<POINT>') return { $type: type, value: (v as unknown[]).map(asPoint) };
  if (!TAGGED_TYPES.includes(type))
    throw new Error(`a property of type ${type} cannot be exported`);
  return { $type: type, value: v as string | string[] };
}

/** Properties read from Neo4j, sorted by name so that the file does not depend on storage order. */
export function encodeProperties(raw: readonly RawProperty[]): Properties {
  const out: Record<string, PropertyValue> = {};
  for (const p of [...raw].sort((a, b) => compare(a.k, b.k))) out[p.k] = encodeValue(p);
  return out;
}

/** Code-unit order: the same on every machine and locale. */
export const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export const isTagged = (v: PropertyValue): v is Tagged =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A property as an import statement takes it: a tagged value's type names its Cypher reader. */
export interface PropertyParam {
  readonly key: string;
  readonly type: string | null;
  readonly value: unknown;
}

export const propertyParams = (props: Properties): PropertyParam[] =>
  Object.entries(props).map(([key, v]) =>
    isTagged(v) ? { key, type: v.$type, value: v.value } : { key, type: null, value: v },
  );

/**
 * Splits properties into those Neo4j takes as they are (one map) and those it must read (tagged).
 */
export function splitProperties(props: Properties): {
  plain: Record<string, unknown>;
  typed: PropertyParam[];
} {
  const plain: Record<string, unknown> = {};
  const typed: PropertyParam[] = [];
  for (const p of propertyParams(props)) {
    if (p.type === null) plain[p.key] = p.value;
    else typed.push(p);
  }
  return { plain, typed };
}

/** Cypher turning a PropertyParam `p` into the Neo4j value it stands for. */
export function typedValue(p: string): string {
  const branches = Object.entries(READERS).map(
    ([t, read]) =>
      `WHEN '${t}' THEN ${read(`${p}.value`)} WHEN 'LIST<${t}>' THEN [x IN ${p}.value | ${read('x')}]`,
  );
  return `CASE ${p}.type ${branches.join(' ')} ELSE ${p}.value END`;
}

/** A value as one text cell (CSV, GraphML): lists and points as JSON, the rest as their text. */
export function cellText(v: PropertyValue): string {
  if (isTagged(v)) return typeof v.value === 'string' ? v.value : JSON.stringify(v.value);
  if (Array.isArray(v)) return JSON.stringify(v);
  return String(v);
}
