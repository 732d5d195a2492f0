import { createContext } from '../src/server/context';
import { startTestServer, type TestServer } from './support/harness';

/**
 * Arguments are checked by their declared constraints before any resolver runs: a bad one is a
 * BAD_USER_INPUT naming the field, and nothing reaches the database.
 */
describe('argument validation', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it.each([
    [
      '{ region(code: "53010") { name } }',
      'code',
      '"53010" is not an official region code (2, 4, 6, 9 or 12 digits)',
    ],
    ['{ practices(first: 101) { totalCount } }', 'first', 'first must be between 0 and 100'],
    [
      '{ regions(filter: { within: "5" }) { totalCount } }',
      'within',
      '"5" is not an official region code (2, 4, 6, 9 or 12 digits)',
    ],
    [
      '{ practices(filter: { regionCode: "abc" }) { totalCount } }',
      'regionCode',
      '"abc" is not an official region code (2, 4, 6, 9 or 12 digits)',
    ],
    [
      '{ observations(filter: { model: "Not A Slug" }) { totalCount } }',
      'model',
      '"Not A Slug" is not a slug (lower-case ASCII words joined by hyphens)',
    ],
    [
      '{ model(slug: "UPPER") { name } }',
      'slug',
      '"UPPER" is not a slug (lower-case ASCII words joined by hyphens)',
    ],
    [
      '{ lineage(slug: "fengqiao-experience", maxDepth: 11) { mermaid } }',
      'maxDepth',
      'maxDepth must be between 1 and 10',
    ],
    [
      '{ compareModels(slugs: ["fengqiao-experience", "fengqiao-experience"]) { models { slug } } }',
      'slugs',
      'compare between 2 and 10 distinct models',
    ],
    ['{ search(text: "   ") { id } }', 'text', 'search text must not be empty'],
    ['{ search(text: "x", first: 51) { id } }', 'first', 'first must be between 1 and 50'],
    [
      '{ comparablePilots(practiceId: "x", first: 0) { score } }',
      'first',
      'first must be between 1 and 50',
    ],
    [
      `{ nodes(ids: [${Array.from({ length: 101 }, (_, i) => `"Region:${i}"`).join(',')}]) { id } }`,
      'ids',
      'at most 100 ids at once',
    ],
  ])('%s → BAD_USER_INPUT on %s', async (query, field, message) => {
    const ctx = createContext(server.executor, 'arguments', server.app.log);
    const res = await server.app.apollo.executeOperation({ query }, { contextValue: ctx });
    const errors = res.body.kind === 'single' ? res.body.singleResult.errors : undefined;
    expect(errors?.[0]).toMatchObject({ message, extensions: { code: 'BAD_USER_INPUT', field } });
    expect(errors?.[0]?.extensions).not.toHaveProperty('validationErrors');
    expect(ctx.executor.roundTrips).toBe(0);
  });

  it('answers HTTP 200 with the error beside the data of other fields', async () => {
    const res = await server.gql<{ about: { name: string } | null; region: null }>(
      '{ about { name } region(code: "1") { name } }',
    );
    expect(res.status).toBe(200);
    expect(res.data?.about?.name).toBe('zhili');
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'code' });
  });
});
