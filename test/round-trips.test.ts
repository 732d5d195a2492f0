import { createContext } from '../src/server/context';
import { startTestServer, type TestServer } from './support/harness';

/**
 * Bolt round trips per GraphQL operation: a root field compiles what is selected below it into
 * one statement, so an operation costs one round trip however many items and levels it asks
 * for; what a plan does not know falls back to one batched query per relation and level.
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

  const practices = (n: number, inner: string) =>
    `{ practices(first: ${n}) { edges { node { name ${inner} } } } }`;
  const deep = `region { name parent { name } } models { name principles { name } }
    observations(first: 5) { edges { node { value indicator { name } citations { quote source { title } } } } }`;

  it('does not grow with the number of items', async () => {
    const few = await roundTrips(practices(3, deep));
    const many = await roundTrips(practices(60, deep));
    expect(many).toBe(few);
  });

  it('costs one statement however deep the selection goes', async () => {
    expect(await roundTrips(practices(60, ''))).toBe(1);
    expect(await roundTrips(practices(60, 'region { name parent { name } }'))).toBe(1);
    expect(await roundTrips(practices(60, deep))).toBe(1);
  });

  it.each([
    ['a region with its parent', '{ region(code: "530103") { code name parent { code name } } }'],
    [
      'practices of a county and below',
      '{ region(code: "530103") { practices(includeSubregions: true, first: 20) { totalCount edges { node { key name region { code name } models { slug name } } } } } }',
    ],
    [
      '50 figures with indicator and quotes',
      '{ observations(filter: { regionCode: "5301", includeSubregions: true }, first: 50) { totalCount edges { node { key value indicator { code nameEn } citations { quote offset } } } } }',
    ],
    [
      'practices → models → principles',
      '{ practices(first: 50) { edges { node { key models { slug principles { slug } } } } } }',
    ],
    [
      'a model with its principles and quotes',
      '{ model(slug: "fengqiao-experience") { name principles { slug } components { order } citations { quote } } }',
    ],
    ['search', '{ search(text: "村规民约", first: 5) { id name } }'],
    [
      'lineage with its models',
      '{ lineage(slug: "online-fengqiao-experience", direction: BOTH, maxDepth: 5) { root { name } nodes { slug nameEn } edges { from { slug } to { slug } relation } mermaid } }',
    ],
    [
      'a comparison of two models',
      '{ compareModels(slugs: ["fengqiao-experience", "online-fengqiao-experience"]) { sharedPrinciples { slug } perModel { model { slug } adopters { region { code } } } figures { indicator { code } comparable notes figures { observation { key value } } } } }',
    ],
  ])('answers %s in one statement', async (_name, query) => {
    expect(await roundTrips(query)).toBe(1);
  });

  it.each([
    [
      'comparable pilots',
      '{ comparablePilots(practiceId: "Practice:dayingshequ-one-plus-four", first: 10) { score reasons practice { key name } } }',
    ],
    [
      'adoption candidates',
      '{ adoptionCandidates(slug: "fengqiao-experience", first: 10) { score reasons region { code name } } }',
    ],
  ])('answers %s in one statement once the similarity index is built', async (_name, query) => {
    await roundTrips(query); // the first ranking in a process also reads the features it indexes
    expect(await roundTrips(query)).toBe(1);
  });

  it('falls back to one batched query per relation where no plan reaches', async () => {
    // `organizations` is not prefetched: one more statement, whether 3 or 60 practices ask.
    expect(await roundTrips(practices(60, 'organizations { name }'))).toBe(2);
    expect(await roundTrips(practices(3, 'organizations { name }'))).toBe(2);
  });

  it('batches sibling connections of a list into one query per level', async () => {
    const q = (n: number) =>
      `{ regions(filter: { within: "5301", level: COUNTY }, first: ${n}) { edges { node { code practices(includeSubregions: true, first: 3) { totalCount edges { node { name } } } } } } }`;
    expect(await roundTrips(q(14))).toBe(await roundTrips(q(2)));
  });
});
