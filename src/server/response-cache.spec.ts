import 'reflect-metadata';
import type { GraphQLRequestContext } from '@apollo/server';
import { getOperationAST, parse } from 'graphql';
import { responseCacheKey } from './response-cache';
import { getSchema } from './schema';

const keyOf = async (query: string, variables?: Record<string, unknown>, revision = 1) => {
  const document = parse(query);
  const context = {
    document,
    operation: getOperationAST(document) ?? undefined,
    request: { query, variables },
  } as unknown as GraphQLRequestContext<Record<string, unknown>>;
  return responseCacheKey(await getSchema())(context, {
    source: query,
    operationName: null,
    variables: variables ?? {},
    extra: { revision },
    sessionMode: 0,
  });
};

describe('response cache key', () => {
  const Q =
    'query($c: String!, $n: Int = 20) { region(code: $c) { name practices(first: $n) { totalCount } } }';

  it('ignores variables the operation does not declare, key order, defaults and formatting', async () => {
    const base = await keyOf(Q, { c: '530103' });
    expect(await keyOf(Q, { c: '530103', unused: Math.random() })).toBe(base);
    expect(await keyOf(Q, { n: 20, c: '530103' })).toBe(base);
    expect(await keyOf(`# a comment\n${Q.replace(/ /g, '   ')}`, { c: '530103' })).toBe(base);
  });

  it('tells apart what changes the answer', async () => {
    const base = await keyOf(Q, { c: '530103' });
    expect(await keyOf(Q, { c: '530102' })).not.toBe(base);
    expect(await keyOf(Q, { c: '530103', n: 5 })).not.toBe(base);
    expect(
      await keyOf(Q.replace('totalCount', 'totalCount pageInfo { hasNextPage }'), { c: '530103' }),
    ).not.toBe(base);
  });

  it("tells apart the graph's revisions", async () => {
    expect(await keyOf(Q, { c: '530103' }, 2)).not.toBe(await keyOf(Q, { c: '530103' }, 1));
  });
});
