import 'reflect-metadata';
import { parse } from 'graphql';
import { getComplexity } from 'graphql-query-complexity';
import { getSchema } from './schema';
import { costEstimator, MAX_COST } from './query-limits';

const cost = async (query: string) => getComplexity({ schema: await getSchema(), query: parse(query), estimators: [costEstimator] });

describe('query cost', () => {
  it('charges objects, not scalars', async () => {
    expect(await cost('{ region(code: "530103") { code name nameEn level kind } }')).toBe(1);
    expect(await cost('{ region(code: "530103") { parent { name } } }')).toBe(2);
  });

  it('multiplies a paged selection by first, and other lists by 3', async () => {
    expect(await cost('{ practices(first: 10) { edges { node { region { name } } } } }')).toBe(1 + 10 * (1 + 1));
    expect(await cost('{ practices(first: 10) { edges { node { models { principles { name } } } } } }')).toBe(1 + 10 * (1 + (1 + 3 * 1)));
    expect(await cost('{ practices { totalCount } }')).toBe(1 + 20 * 0);
  });

  it('allows a page of figures with their quotes and refuses a page of pages', async () => {
    expect(await cost('{ observations(first: 100) { edges { node { value indicator { name } numerator { value } denominator { value } citations { quote source { title } } } } } }')).toBeLessThanOrEqual(MAX_COST);
    expect(await cost('{ practices(first: 100) { edges { node { observations(first: 100) { edges { node { citations { quote } } } } } } } }')).toBeGreaterThan(MAX_COST);
  });
});
