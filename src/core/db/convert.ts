import neo4j, {
  isDate,
  isDateTime,
  isDuration,
  isLocalDateTime,
  isLocalTime,
  isNode,
  isPoint,
  isRelationship,
  isTime,
} from 'neo4j-driver';

/** A whole number as a Cypher INTEGER (plain JS numbers travel as FLOAT, which LIMIT refuses). */
export const cypherInt = (n: number) => neo4j.int(n);

/**
 * Turns driver values into plain JSON-able values at the boundary: Integer → number (string
 * past 2^53, which no count here reaches), temporals → ISO strings, nodes and relationships →
 * their properties. Nothing driver-shaped (`{ low, high }`) leaves the db layer.
 */
export function toNative(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  // Most values are strings, numbers and booleans: answer them before the driver's type checks.
  if (typeof value !== 'object') return value;
  // Lists and maps the driver decoded are fresh and ours alone: converted in place, not copied
  // (a page of 50 figures holds about a thousand of them).
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) value[i] = toNative(value[i]);
    return value;
  }
  if (Object.getPrototypeOf(value) === Object.prototype) {
    const map = value as Record<string, unknown>;
    for (const key of Object.keys(map)) map[key] = toNative(map[key]);
    return map;
  }
  if (neo4j.isInt(value))
    return neo4j.integer.inSafeRange(value)
      ? neo4j.integer.toNumber(value)
      : neo4j.integer.toString(value);
  if (
    isDate(value) ||
    isDateTime(value) ||
    isLocalDateTime(value) ||
    isTime(value) ||
    isLocalTime(value) ||
    isDuration(value)
  ) {
    return value.toString();
  }
  if (isPoint(value))
    return { srid: toNative(value.srid), x: value.x, y: value.y, z: value.z ?? null };
  if (isNode(value) || isRelationship(value)) return toNative(value.properties);
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = toNative(v);
    return out;
  }
  return value;
}
