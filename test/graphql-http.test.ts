import net from 'node:net';
import { type AuditResult, serverAudits } from 'graphql-http';
import { startTestServer, type TestServer } from './support/harness';

const JSON_TYPE = 'application/json';
const GRAPHQL_RESPONSE = 'application/graphql-response+json';

interface Answer {
  status: number;
  type: string;
  headers: Headers;
  body: {
    data?: unknown;
    errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
  };
}

/** POSTs a raw body and reads the answer as JSON (it must be JSON, whatever went wrong). */
async function post(
  url: string,
  body: string,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': JSON_TYPE, ...headers },
    body,
  });
  const text = await res.text();
  const type = res.headers.get('content-type') ?? '';
  expect(type).toMatch(/^application\/(graphql-response\+)?json; charset=utf-8$/);
  return {
    status: res.status,
    type,
    headers: res.headers,
    body: JSON.parse(text) as Answer['body'],
  };
}
const op = (query: string, variables?: unknown) => JSON.stringify({ query, variables });

describe('GraphQL over HTTP on the real Neo4j', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('answers { __typename }', async () => {
    const res = await server.gql('{ __typename }');
    expect(res.status).toBe(200);
    expect(res.data).toEqual({ __typename: 'Query' });
  });

  it('reports the Neo4j it runs on, read through Bolt', async () => {
    const res = await server.gql<{
      about: { name: string; database: { edition: string; version: string } };
    }>('{ about { name database { edition version } } }');
    expect(res.errors).toBeUndefined();
    expect(res.data?.about.name).toBe('zhili');
    expect(res.data?.about.database.edition).toBe('community');
    expect(res.data?.about.database.version).toMatch(/^5\.26\./);
  });

  it("passes graphql-http's server audits with no MUST or SHOULD short", async () => {
    const results: AuditResult[] = [];
    for (const audit of serverAudits({ url: server.url })) results.push(await audit.fn());
    const count = (status: string) => results.filter((r) => r.status === status).length;
    console.log(
      `graphql-http serverAudits: ${count('ok')} ok, ${count('warn')} warn, ${count('error')} error, ${count('notice')} notice (of ${results.length})`,
    );
    const short = results
      .filter((r) => r.status !== 'ok' && /^(MUST|SHOULD) /.test(r.name))
      .map((r) => `${r.status} ${r.name}`);
    expect(short).toEqual([]);
  }, 120_000);

  // A well-formed request whose document, variables or arguments are wrong: 200 under
  // application/json, 400 under application/graphql-response+json, never 500; no data; a code.
  const forged = Buffer.from('o:99999999999').toString('base64url');
  const tokens = `{ ${Array.from({ length: 1600 }, (_, i) => `a${i}: __typename`).join(' ')} }`;
  it.each([
    [
      'a variable of the wrong type',
      op('query($t: String!) { search(text: $t) { id } }', { t: 5 }),
      'BAD_USER_INPUT',
      { variable: 't' },
    ],
    [
      'a missing variable',
      op('query($t: String!) { search(text: $t) { id } }', {}),
      'BAD_USER_INPUT',
      { variable: 't' },
    ],
    ['a syntax error', op('{ search(text: "x" { id }'), 'GRAPHQL_PARSE_FAILED', {}],
    ['an unknown field', op('{ nope }'), 'GRAPHQL_VALIDATION_FAILED', {}],
    ['more tokens than the limit', op(tokens), 'GRAPHQL_PARSE_FAILED', {}],
    [
      'a forged cursor',
      op(`{ practices(after: "${forged}") { totalCount } }`),
      'BAD_USER_INPUT',
      { field: 'after' },
    ],
    [
      'a garbage cursor, nested',
      op('{ region(code: "530103") { children(after: "garbage") { totalCount } } }'),
      'BAD_USER_INPUT',
      { field: 'after' },
    ],
    [
      'first: 1000000',
      op('{ practices(first: 1000000) { edges { node { id } } } }'),
      'BAD_USER_INPUT',
      { field: 'first' },
    ],
    [
      'an operation costing too much',
      op(
        '{ practices(first: 100) { edges { node { observations(first: 100) { edges { node { citations { quote } } } } } } } }',
      ),
      'QUERY_TOO_COMPLEX',
      {},
    ],
  ])(
    '%s → its code, 200 under application/json and 400 under graphql-response+json',
    async (_case, body, code, extensions) => {
      for (const [accept, status] of [
        [undefined, 200],
        [JSON_TYPE, 200],
        [GRAPHQL_RESPONSE, 400],
        [`${GRAPHQL_RESPONSE}, ${JSON_TYPE};q=0.9`, 400],
      ] as const) {
        const res = await post(server.url, body, accept ? { accept } : {});
        expect({ accept, status: res.status }).toEqual({ accept, status });
        expect(res.body.data).toBeUndefined();
        expect(res.body.errors?.[0]?.extensions).toMatchObject({ code, ...extensions });
        expect(res.body.errors?.[0]?.extensions).not.toHaveProperty('stacktrace');
      }
    },
  );

  it.each([
    ['a body that is not JSON', '{"query": ', {}, 400, 'BAD_REQUEST'],
    [
      'a body over 100 kB',
      op(`{ __typename } # ${'x'.repeat(200_000)}`),
      {},
      413,
      'PAYLOAD_TOO_LARGE',
    ],
    ['no query', '{}', {}, 400, 'BAD_REQUEST'],
    [
      'a batch (batching is off)',
      `[${op('{ __typename }')}, ${op('{ __typename }')}]`,
      {},
      400,
      'BAD_REQUEST',
    ],
    [
      'a POST that is not JSON',
      op('{ __typename }'),
      { 'content-type': 'text/plain' },
      400,
      'BAD_REQUEST',
    ],
    [
      'a charset other than UTF-8',
      op('{ __typename }'),
      { 'content-type': 'application/json; charset=latin1' },
      415,
      'BAD_REQUEST',
    ],
  ])('%s → JSON with a code, never HTML (%#)', async (_case, body, headers, status, code) => {
    for (const accept of [JSON_TYPE, GRAPHQL_RESPONSE]) {
      const res = await post(server.url, body, { ...headers, accept });
      expect(res.status).toBe(status);
      expect(res.body.errors?.[0]?.extensions?.code).toBe(code);
      expect(JSON.stringify(res.body)).not.toMatch(/stacktrace|node_modules|at \//);
    }
  });

  it('answers an unknown path with JSON too', async () => {
    const res = await fetch(server.url.replace('/graphql', '/nope'));
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ errors: [{ extensions: { code: 'NOT_FOUND' } }] });
  });

  it('serves liveness', async () => {
    const res = await fetch(server.url.replace('/graphql', '/health/live'));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });
});

describe('stack traces', () => {
  const traced = async (overrides: NodeJS.ProcessEnv) => {
    const server = await startTestServer(undefined, overrides);
    try {
      const res = await post(
        server.url,
        op('{ region(code: "1") { name } search(text: " ") { id } }'),
      );
      expect(res.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      return res.body.errors!.some((e) => 'stacktrace' in (e.extensions ?? {}));
    } finally {
      await server.close();
    }
  };

  it('are never in answers by default, in any environment', async () => {
    for (const NODE_ENV of ['development', 'production', 'test'])
      expect(await traced({ NODE_ENV })).toBe(false);
  });

  it('are there with DEBUG_ERRORS=true', async () => {
    expect(await traced({ DEBUG_ERRORS: 'true' })).toBe(true);
  });
});

/** A port nothing listens on: Neo4j "down" without stopping the suite's Neo4j. */
async function deadPort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

describe('with Neo4j unreachable', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(undefined, {
      NEO4J_URI: `bolt://127.0.0.1:${await deadPort()}`,
      NEO4J_MAX_RETRY_MS: '0',
    });
  });
  afterAll(() => server.close());

  it.each([
    [
      'compareModels',
      '{ compareModels(slugs: ["fengqiao-experience", "four-in-one-governance"]) { models { name } } }',
    ],
    ['lineage', '{ lineage(slug: "fengqiao-experience") { mermaid } }'],
    ['model', '{ model(slug: "fengqiao-experience") { name } }'],
    ['node', '{ node(id: "Region:530103") { id } }'],
    ['adoptionCandidates', '{ adoptionCandidates(slug: "fengqiao-experience") { score } }'],
    ['practices', '{ practices { totalCount } }'],
  ])(
    '%s answers 503 DATABASE_UNAVAILABLE with Retry-After, never NOT_FOUND',
    async (_field, query) => {
      for (const accept of [JSON_TYPE, GRAPHQL_RESPONSE]) {
        const res = await post(server.url, op(query), { accept });
        expect(res.status).toBe(503);
        expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
        expect(res.body.errors?.map((e) => e.extensions?.code)).toEqual(['DATABASE_UNAVAILABLE']);
      }
    },
    30_000,
  );
});
