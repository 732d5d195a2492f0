import { createContext } from '../src/server/context';
import { startTestServer, type TestServer } from './support/harness';

/**
 * Bolt round trips per GraphQL operation grow with the depth of the query, not with the
 * number of items returned: every level resolves through one batched query per relation.
 */
describe('Bolt round trips per operation', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  async function roundTrips(query: string): Promise<number> {
    const ctx = createContext(server.executor, 'round-trips', server.app.log);
    const res = await server.app.apollo.executeOperation({ query }, { contextValue: ctx });
    expect(res.body.kind).toBe('single');
    if (res.body.kind === 'single') expect(res.body.singleResult.errors).toBeUndefined();
    return ctx.executor.roundTrips;
  }

  const practices = (n: number, inner: string) => `{ practices(first: ${n}) { edges { node { name ${inner} } } } }`;
  const deep = `region { name parent { name } } models { name principles { name } }
    observations(first: 5) { edges { node { value indicator { name } citations { quote source { title } } } } }`;

  it('does not grow with the number of items', async () => {
    const few = await roundTrips(practices(3, deep));
    const many = await roundTrips(practices(60, deep));
    expect(many).toBe(few);
  });

  it('grows with depth', async () => {
    const shallow = await roundTrips(practices(60, ''));
    const oneLevel = await roundTrips(practices(60, 'region { name }'));
    const twoLevels = await roundTrips(practices(60, 'region { name parent { name } }'));
    expect(shallow).toBe(1);
    expect(oneLevel).toBe(shallow + 1);
    expect(twoLevels).toBe(oneLevel + 1);
  });

  it('batches sibling connections of a list into one query per level', async () => {
    const q = (n: number) => `{ regions(filter: { within: "5301", level: COUNTY }, first: ${n}) { edges { node { code practices(includeSubregions: true, first: 3) { totalCount edges { node { name } } } } } } }`;
    expect(await roundTrips(q(14))).toBe(await roundTrips(q(2)));
  });
});
