import path from 'node:path';
import fc from 'fast-check';
import type { GraphQLSchema } from 'graphql';
import { z } from 'zod';
import { PROJECT_ROOT } from '../src/core/config';
import { Executor } from '../src/core/db/executor';
import { testInstance } from '../src/core/db/local-instances';
import { startLocalNeo4j, stopLocalNeo4j } from '../src/core/db/local-neo4j';
import { loadSeed } from '../src/seed/seed-load';
import { getSchema } from '../src/server/schema';
import { openTestDatabase, startTestServer, type TestServer } from './support/harness';
import { INJECTIONS, type Outcome, send, Tally, valueFor } from './support/hostile';
import {
  plausible,
  queryFields,
  rootOperation,
  stringSlots,
  variablesWith,
} from './support/schema-operations';

/**
 * Hostile requests, as an attacker would send them, each answered as a client error with its code
 * (never a 500, a stack trace or an internal message) and the graph unchanged. On a Neo4j of its
 * own: other suites write to theirs, which would make "unchanged" meaningless.
 */
const instance = testInstance('test-hostile', Number(process.env.TEST_HOSTILE_NEO4J_PORT ?? 7695));
const COUNTS = z.object({
  nodes: z.number(),
  relationships: z.number(),
  revision: z.number().nullable(),
});
const op = (query: string, variables?: unknown) => JSON.stringify({ query, variables });
/** `open` n times around `inner`, every brace it opens closed. */
const nest = (n: number, open: string, inner: string) =>
  `${open.repeat(n)}${inner}${' }'.repeat(n * open.split('{').length - n)}`;

/** Requests that try the limits, each with the code it must get. */
function bombs(): Array<[string, string, Record<string, string>, readonly string[]]> {
  const forged = Buffer.from('o:99999999999').toString('base64url');
  const fragments = Array.from(
    { length: 20 },
    (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`,
  ).join(' ');
  const pages =
    '{ practices(first: 100) { edges { node { observations(first: 100) { edges { node { citations { quote } } } } } } } }';
  const json = { 'content-type': 'application/json' };
  return [
    [
      'depth bomb',
      op(`{ region(code: "530103") { ${nest(20, 'parent { ', 'code')} } }`),
      json,
      ['GRAPHQL_VALIDATION_FAILED'],
    ],
    [
      'introspection bomb (fields of fields …)',
      op(`{ __schema { types { ${nest(6, 'fields { type { ', 'name')} } } }`),
      json,
      ['GRAPHQL_VALIDATION_FAILED'],
    ],
    [
      'introspection ofType chain (cheap)',
      op(`{ __schema { types { fields { type ${nest(15, '{ ofType ', '{ name }')} } } } }`),
      json,
      [],
    ],
    [
      'alias bomb',
      op(`{ ${Array.from({ length: 200 }, (_, i) => `a${i}: about { name }`).join(' ')} }`),
      json,
      ['GRAPHQL_VALIDATION_FAILED'],
    ],
    [
      'aliased pages',
      op(
        `{ ${Array.from({ length: 19 }, (_, i) => `p${i}: practices(first: 100) { edges { node { region { name } models { principles { name } } citations { quote } } } }`).join(' ')} }`,
      ),
      json,
      ['QUERY_TOO_COMPLEX'],
    ],
    ['cost bomb', op(pages), json, ['QUERY_TOO_COMPLEX']],
    ['token bomb', op(`{ ${'__typename '.repeat(5000)} }`), json, ['GRAPHQL_PARSE_FAILED']],
    [
      'same-field bomb (2,900 fields)',
      op(`{ ${'__typename '.repeat(2900)} }`),
      json,
      ['GRAPHQL_VALIDATION_FAILED'],
    ],
    [
      'repeated-field bomb (500 × about)',
      op(`{ ${'about { name } '.repeat(500)} }`),
      json,
      ['GRAPHQL_VALIDATION_FAILED'],
    ],
    [
      'directive bomb',
      op(`{ __typename ${'@include(if: true) '.repeat(60)} }`),
      json,
      ['GRAPHQL_VALIDATION_FAILED'],
    ],
    [
      'fragment bomb (2^20 spreads)',
      op(`{ ...F0 } ${fragments} fragment F20 on Query { practices(first: 100) { totalCount } }`),
      json,
      ['QUERY_TOO_COMPLEX', 'GRAPHQL_VALIDATION_FAILED'],
    ],
    [
      'fragment cycle',
      op('{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }'),
      json,
      ['GRAPHQL_VALIDATION_FAILED'],
    ],
    [
      'first: 1000000',
      op('{ practices(first: 1000000) { edges { node { id } } } }'),
      json,
      ['BAD_USER_INPUT'],
    ],
    [
      'first: 1000000, nested',
      op('{ region(code: "530103") { observations(first: 1000000) { totalCount } } }'),
      json,
      ['BAD_USER_INPUT'],
    ],
    [
      'first: 1000000, by variable',
      op('query($n: Int) { regions(first: $n) { totalCount } }', { n: 1_000_000 }),
      json,
      ['BAD_USER_INPUT'],
    ],
    [
      'first: 2^31 (not an Int)',
      op('query($n: Int) { regions(first: $n) { totalCount } }', { n: 2 ** 31 }),
      json,
      ['BAD_USER_INPUT'],
    ],
    ['first: -1', op('{ models(first: -1) { totalCount } }'), json, ['BAD_USER_INPUT']],
    [
      'forged cursor o:99999999999',
      op(`{ practices(after: "${forged}") { totalCount } }`),
      json,
      ['BAD_USER_INPUT'],
    ],
    [
      'garbage cursor',
      op('query($a: String) { regions(after: $a) { totalCount } }', { a: '\u0000garbage' }),
      json,
      ['BAD_USER_INPUT'],
    ],
    [
      '101 ids',
      op('query($i: [ID!]!) { nodes(ids: $i) { id } }', {
        i: Array.from({ length: 101 }, (_, k) => `Region:${k}`),
      }),
      json,
      ['BAD_USER_INPUT'],
    ],
    [
      '5,000 ids',
      op('query($i: [ID!]!) { nodes(ids: $i) { id } }', {
        i: Array.from({ length: 5000 }, (_, k) => `R:${k}`),
      }),
      json,
      ['BAD_USER_INPUT'],
    ],
    [
      '11 compared models',
      op('query($s: [String!]!) { compareModels(slugs: $s) { models { name } } }', {
        s: Array.from({ length: 11 }, (_, k) => `m-${k}`),
      }),
      json,
      ['BAD_USER_INPUT'],
    ],
    [
      'wrong-type variable',
      op('query($t: String!) { search(text: $t) { id } }', { t: { $ne: null } }),
      json,
      ['BAD_USER_INPUT'],
    ],
    ['malformed JSON', '{"query": "{ __typename }"', json, ['BAD_REQUEST']],
    ['JSON that is not an object', '"{ __typename }"', json, ['BAD_REQUEST']],
    ['query that is not a string', '{"query": 5}', json, ['BAD_REQUEST']],
    [
      'variables that are not an object',
      '{"query": "{ __typename }", "variables": "[]"}',
      json,
      ['BAD_REQUEST'],
    ],
    [
      'prototype pollution',
      '{"query": "query($t: String!) { search(text: $t) { id } }", "variables": {"__proto__": {"t": "x"}, "constructor": {"prototype": {"t": "y"}}}}',
      json,
      ['BAD_USER_INPUT'],
    ],
    [
      'batch of 100',
      `[${Array.from({ length: 100 }, () => op('{ __typename }')).join(',')}]`,
      json,
      ['BAD_REQUEST'],
    ],
    [
      'oversize body (200 kB)',
      op(`{ __typename } # ${'x'.repeat(200_000)}`),
      json,
      ['PAYLOAD_TOO_LARGE'],
    ],
    ['body as text/plain', op('{ __typename }'), { 'content-type': 'text/plain' }, ['BAD_REQUEST']],
    [
      'body as a form',
      'query=%7B__typename%7D',
      { 'content-type': 'application/x-www-form-urlencoded' },
      ['BAD_REQUEST'],
    ],
    [
      'gzip that is not gzip',
      op('{ __typename }'),
      { ...json, 'content-encoding': 'gzip' },
      ['BAD_REQUEST'],
    ],
    [
      'unknown operation name',
      JSON.stringify({ query: 'query A { __typename }', operationName: 'B' }),
      json,
      ['OPERATION_RESOLUTION_FAILURE'],
    ],
  ];
}

describe('hostile inputs, on a Neo4j of their own', () => {
  let server: TestServer;
  let schema: GraphQLSchema;
  const tally = new Tally();
  const counts = async () =>
    (
      await server.executor.read({
        cypher:
          "RETURN COUNT { (n) } AS nodes, COUNT { ()-[]->() } AS relationships, COLLECT { MATCH (g:GraphState {key: 'graph'}) RETURN g.revision }[0] AS revision",
        row: COUNTS,
      })
    )[0]!;
  let before: z.output<typeof COUNTS>;
  const judge = (kind: string, outcome: Outcome, what: string, failures: string[]) => {
    tally.add(kind, outcome);
    if (outcome.problems.length > 0)
      failures.push(
        `${what}: ${outcome.status} ${outcome.codes.join(',')} ${outcome.problems.join('; ')}`,
      );
  };

  beforeAll(async () => {
    await startLocalNeo4j({ ...instance, heap: '512m' });
    const db = openTestDatabase(instance);
    try {
      const seed = await loadSeed(
        new Executor(db.driver, {
          database: db.config.neo4j.database,
          timeoutMs: 300_000,
          app: 'zhili-test-seed',
        }),
        { seedDir: path.join(PROJECT_ROOT, 'seed'), provinces: ['53'] },
      );
      console.log(
        `Hostile-inputs Neo4j on port ${instance.port}: seed loaded in ${(seed.ms.total / 1000).toFixed(1)} s`,
      );
    } finally {
      await db.close();
    }
    // Every bad header must be refused as UNAUTHENTICATED: the failure limit (429,
    // test/auth-flood.test.ts) stays out of the way.
    server = await startTestServer(instance, { AUTH_FAILURES_PER_ADDRESS: '100000' });
    schema = await getSchema();
    before = await counts();
  }, 300_000);

  afterAll(async () => {
    tally.print('Hostile requests (status and codes per kind)');
    await server?.close();
    await stopLocalNeo4j(instance);
  }, 90_000);

  it('injection strings in every String and ID argument of every query field: client errors or data, never a fault', async () => {
    const failures: string[] = [];
    let slots = 0;
    for (const field of queryFields(schema)) {
      const operation = rootOperation(schema, 'query', field);
      for (const slot of stringSlots(field)) {
        slots += 1;
        const name = `${field.name}(${slot.arg.name}${slot.inputField ? `.${slot.inputField}` : ''})`;
        for (const payload of INJECTIONS) {
          judge(
            `injection ${field.name}`,
            await send(server.url, op(operation.text, variablesWith(field, slot, payload))),
            `${name} = ${JSON.stringify(payload.slice(0, 40))}`,
            failures,
          );
          if (slot.list || slot.inputField) continue;
          // The same string as a literal in the document: the parser's path, not the variables'.
          const vars = variablesWith(field, slot, payload);
          delete vars[slot.arg.name];
          const literal = rootOperation(schema, 'query', field, 1, {
            [slot.arg.name]: JSON.stringify(payload),
          });
          judge(
            `injection ${field.name}`,
            await send(server.url, op(literal.text, vars)),
            `${name} literal ${JSON.stringify(payload.slice(0, 40))}`,
            failures,
          );
        }
      }
    }
    console.log(
      `Injection: ${INJECTIONS.length} strings into ${slots} String/ID arguments of ${queryFields(schema).length} query fields`,
    );
    expect(failures).toEqual([]);
  }, 240_000);

  it('depth, alias, cost, token and fragment bombs, huge pages, forged cursors and malformed bodies get their codes', async () => {
    const failures: string[] = [];
    for (const [name, body, headers, expected] of bombs()) {
      const outcome = await send(server.url, body, headers);
      judge(name, outcome, name, failures);
      if (
        expected.length === 0
          ? outcome.codes.length > 0
          : !outcome.codes.some((c) => expected.includes(c))
      )
        failures.push(
          `${name}: got ${outcome.status} ${outcome.codes.join(',') || 'data'}, expected ${expected.join(' or ') || 'data'}`,
        );
      if (outcome.ms > 2_000) failures.push(`${name}: took ${Math.round(outcome.ms)} ms`);
    }
    expect(failures).toEqual([]);
  }, 120_000);

  it('refuses mutations without a token or with a made-up one (UNAUTHENTICATED)', async () => {
    const failures: string[] = [];
    for (const field of Object.values(schema.getMutationType()?.getFields() ?? {})) {
      const text = rootOperation(schema, 'mutation', field, 0).text;
      const variables = Object.fromEntries(
        field.args.map((a) => [a.name, plausible(a.name, a.type)]),
      );
      for (const token of [
        undefined,
        'Bearer zk_madeup.0000000000000000',
        "Bearer ' OR 1=1 //",
        'Basic bmVvNGo6bmVvNGo=',
      ]) {
        const outcome = await send(
          server.url,
          op(text, variables),
          token ? { authorization: token } : {},
        );
        judge(
          `mutation ${token ? 'with a bad token' : 'without a token'}`,
          outcome,
          `${field.name} ${token ?? 'no token'}`,
          failures,
        );
        if (outcome.status !== 401 || !outcome.codes.includes('UNAUTHENTICATED'))
          failures.push(
            `${field.name} (${token ?? 'no token'}): ${outcome.codes.join(',') || 'data'}`,
          );
      }
    }
    expect(failures).toEqual([]);
  }, 60_000);

  it('fuzzed operations from the schema with random variables: never a 500, an unmasked error or a hang', async () => {
    const fields = [
      ...queryFields(schema).map((f) => ['query', f] as const),
      ...Object.values(schema.getMutationType()?.getFields() ?? {}).map(
        (f) => ['mutation', f] as const,
      ),
    ];
    const request = fc.constantFrom(...fields).chain(([kind, field]) =>
      fc.record({
        text: fc
          .integer({ min: 0, max: 1 })
          .map((depth) => rootOperation(schema, kind, field, depth).text),
        variables: fc.record(
          Object.fromEntries(field.args.map((a) => [a.name, valueFor(a.type)])),
          { requiredKeys: [] },
        ),
        accept: fc.constantFrom('application/json', 'application/graphql-response+json', '*/*'),
      }),
    );
    const failures: string[] = [];
    const started = Date.now();
    await fc.assert(
      fc.asyncProperty(request, async ({ text, variables, accept }) => {
        const outcome = await send(server.url, op(text, variables), { accept });
        const before = failures.length;
        judge(
          'fuzz',
          outcome,
          `${text.slice(0, 80)} ${JSON.stringify(variables).slice(0, 120)}`,
          failures,
        );
        return failures.length === before;
      }),
      { numRuns: 200, endOnFailure: true },
    );
    console.log(
      `Fuzz: 200 operations in ${((Date.now() - started) / 1000).toFixed(1)} s, ${failures.length} faults`,
    );
    expect(failures).toEqual([]);
  }, 120_000);

  it('leaves the graph as it was: nodes, relationships and revision', async () => {
    const after = await counts();
    console.log(
      `Graph before ${JSON.stringify(before)}, after ${tally.total} hostile requests ${JSON.stringify(after)}`,
    );
    expect(after).toEqual(before);
  });
});
