import { ProposeFailure } from './propose-classify';
import { EndpointUnavailableError, graphqlClient } from './propose-client';

describe('propose: the HTTP client', () => {
  const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
    new Response(JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json', ...headers },
    });

  it('waits as a 429 asks and sends the request again', async () => {
    const answers = [
      json(429, { errors: [{ message: 'slow down' }] }, { 'retry-after': '2' }),
      json(200, { data: { ok: true } }),
    ];
    const waits: number[] = [];
    const client = graphqlClient('http://zhili.test/graphql', 'zk_x', {
      fetch: async () => answers.shift()!,
      sleep: async (ms) => void waits.push(ms),
    });
    expect(await client.request('{ ok }')).toEqual({ data: { ok: true } });
    expect(waits).toEqual([2000]);
  });

  it('tells an unreachable or unavailable endpoint from a refused key', async () => {
    const refusedConnection = graphqlClient('http://zhili.test/graphql', 'zk_x', {
      fetch: async () => {
        throw new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } });
      },
    });
    await expect(refusedConnection.request('{ ok }')).rejects.toThrow(EndpointUnavailableError);
    const down = graphqlClient('http://zhili.test/graphql', 'zk_x', {
      fetch: async () =>
        json(503, { errors: [{ message: 'down', extensions: { code: 'DATABASE_UNAVAILABLE' } }] }),
    });
    await expect(down.request('{ ok }')).rejects.toThrow(
      /unavailable: down \(DATABASE_UNAVAILABLE\)/,
    );
    const badKey = graphqlClient('http://zhili.test/graphql', 'zk_x', {
      fetch: async () =>
        json(401, { errors: [{ message: 'bad key', extensions: { code: 'UNAUTHENTICATED' } }] }),
    });
    await expect(badKey.request('{ ok }')).rejects.toThrow(ProposeFailure);
  });

  it('sends the bookmark of the last write with every request after it', async () => {
    const sent: Array<string | null> = [];
    const answer = (bookmark?: string) =>
      new Response('{"data":{}}', {
        headers: {
          'content-type': 'application/json',
          ...(bookmark ? { 'zhili-bookmark': bookmark } : {}),
        },
      });
    const answers = [answer(), answer('bm1'), answer(), answer('bm2'), answer()];
    const client = graphqlClient('http://api/graphql', 'zk_t', {
      fetch: async (_url, init) => {
        sent.push(new Headers(init?.headers).get('zhili-bookmark'));
        return answers.shift()!;
      },
    });
    for (let i = 0; i < 5; i += 1) await client.request('{ x }');
    expect(sent).toEqual([null, null, 'bm1', 'bm1', 'bm2']);
  });
});
