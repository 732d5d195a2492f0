import 'reflect-metadata';
import { parse } from 'graphql';
import { getComplexity } from 'graphql-query-complexity';
import { BadInputError } from '../core/errors';
import { encodeCursor } from '../core/pagination';
import { costEstimator, LONG_LIST, SHORT_LIST } from './query-cost';
import { MAX_COST } from './query-limits';
import { getSchema } from './schema';

const cost = async (query: string, variables?: Record<string, unknown>) =>
  getComplexity({
    schema: await getSchema(),
    query: parse(query),
    variables,
    estimators: [costEstimator],
  });

describe('query cost', () => {
  it('charges objects, not scalars', async () => {
    expect(await cost('{ region(code: "530103") { code name nameEn level kind } }')).toBe(1);
    expect(await cost('{ region(code: "530103") { parent { name } } }')).toBe(2);
  });

  it("multiplies a paged selection by first, and a node's own short lists by 3", async () => {
    expect(await cost('{ practices(first: 10) { edges { node { region { name } } } } }')).toBe(
      1 + 10 * (1 + 1),
    );
    expect(
      await cost('{ practices(first: 10) { edges { node { models { citations { quote } } } } } }'),
    ).toBe(1 + 10 * (1 + (1 + SHORT_LIST * 1)));
    expect(await cost('{ practices { totalCount } }')).toBe(1 + 20 * 0);
  });

  it('prices nodes(ids:) by the ids given, not as a short list', async () => {
    const ids = (n: number) => JSON.stringify(Array.from({ length: n }, (_, i) => `Region:53${i}`));
    expect(await cost(`{ nodes(ids: ${ids(100)}) { ... on Region { parent { name } } } }`)).toBe(
      1 + 100 * 1,
    );
    expect(
      await cost('query($ids: [ID!]!) { nodes(ids: $ids) { ... on Region { parent { name } } } }', {
        ids: JSON.parse(ids(40)),
      }),
    ).toBe(1 + 40 * 1);
    expect(
      await cost(
        `{ nodes(ids: ${ids(100)}) { ... on Region { practices(first: 100) { edges { node { name } } } } } }`,
      ),
    ).toBeGreaterThan(MAX_COST);
  });

  it('prices lists by the most they can return: ten compared models, four ancestors, long lists that grow with the graph', async () => {
    expect(await cost('{ compareModels(slugs: ["a", "b"]) { perModel { model { name } } } }')).toBe(
      1 + (1 + 10 * 1),
    );
    expect(await cost('{ region(code: "530103001") { ancestors { name } } }')).toBe(
      1 + (1 + 4 * 0),
    );
    expect(await cost('{ principles { models { adopters { region { name } } } } }')).toBe(
      1 + LONG_LIST * (1 + LONG_LIST * (1 + LONG_LIST * 1)),
    );
  });

  it('allows a page of figures with their quotes and refuses a page of pages', async () => {
    expect(
      await cost(
        '{ observations(first: 100) { edges { node { value indicator { name } numerator { value } denominator { value } citations { quote source { title } } } } } }',
      ),
    ).toBeLessThanOrEqual(MAX_COST);
    expect(
      await cost(
        '{ practices(first: 100) { edges { node { observations(first: 100) { edges { node { citations { quote } } } } } } } }',
      ),
    ).toBeGreaterThan(MAX_COST);
  });
});

describe('arguments checked while pricing, before anything runs', () => {
  const refusal = async (query: string, variables?: Record<string, unknown>) => {
    try {
      await cost(query, variables);
    } catch (error) {
      return error instanceof BadInputError
        ? { message: error.message, field: error.extensions.field }
        : error;
    }
    return undefined;
  };

  it('refuses a first beyond what the field returns, at any depth', async () => {
    expect(await refusal('{ practices(first: 1000000) { totalCount } }')).toEqual({
      message: 'first must be between 0 and 100',
      field: 'first',
    });
    expect(await refusal('{ region(code: "53") { practices(first: -1) { totalCount } } }')).toEqual(
      { message: 'first must be between 0 and 100', field: 'first' },
    );
    expect(
      await refusal('query($n: Int!) { search(text: "x", first: $n) { id } }', { n: 51 }),
    ).toEqual({ message: 'first must be between 1 and 50', field: 'first' });
    expect(
      await refusal('{ practices(first: 100) { totalCount } search(text: "x", first: 50) { id } }'),
    ).toBeUndefined();
  });

  it('refuses a cursor this API did not issue', async () => {
    const forged = Buffer.from('o:99999999999').toString('base64url');
    expect(await refusal(`{ practices(after: "${forged}") { totalCount } }`)).toMatchObject({
      field: 'after',
    });
    expect(
      await refusal('{ region(code: "53") { children(after: "garbage") { totalCount } } }'),
    ).toMatchObject({ field: 'after' });
    expect(
      await refusal(`{ practices(after: "${encodeCursor(40)}") { totalCount } }`),
    ).toBeUndefined();
  });

  it('refuses more ids than nodes(ids:) takes, with the message of its own check', async () => {
    const ids = JSON.stringify(Array.from({ length: 101 }, (_, i) => `Region:${i}`));
    expect(await refusal(`{ nodes(ids: ${ids}) { id } }`)).toEqual({
      message: 'at most 100 ids at once',
      field: 'ids',
    });
  });
});
