import type { GqlError } from './propose-classify';
import { ProposeFailure } from './propose-classify';

/**
 * A small GraphQL client over HTTP (Node's fetch) for `zhili propose`, with an editor's API key.
 */

export interface GqlAnswer<T> {
  readonly data?: T | null;
  readonly errors?: readonly GqlError[];
}

export interface GraphqlClient {
  request<T>(query: string, variables?: Record<string, unknown>): Promise<GqlAnswer<T>>;
}

/** The endpoint did not answer, or answered 503 (its database is down, or it is overloaded). */
export class EndpointUnavailableError extends Error {
  override readonly name = 'EndpointUnavailableError';
}

export interface ClientOptions {
  readonly fetch?: typeof fetch;
  readonly timeoutMs?: number;
  /** How long to wait, at most, when the endpoint asks to slow down (429 Retry-After). */
  readonly maxRetryWaitMs?: number;
  readonly sleep?: (ms: number) => Promise<void>;
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The message an answer that failed as a whole carries (its first error, or the status). */
async function failureText(res: Response): Promise<string> {
  const body = await res.text().catch(() => '');
  try {
    const first = (JSON.parse(body) as GqlAnswer<unknown>).errors?.[0];
    if (first)
      return `${first.message}${first.extensions?.code ? ` (${String(first.extensions.code)})` : ''}`;
  } catch {
    // Not JSON: a proxy's page, say; its status speaks for it.
  }
  return `HTTP ${res.status}${body ? `: ${body.slice(0, 200)}` : ''}`;
}

/** An answer that is not GraphQL's: the key refused, or a page that is not an endpoint. */
async function refuseKeyOrPage(endpoint: string, res: Response): Promise<void> {
  if (res.status === 401 || res.status === 403)
    throw new ProposeFailure(`${endpoint} refused the key: ${await failureText(res)}`);
  if (!(res.headers.get('content-type') ?? '').includes('json'))
    throw new ProposeFailure(`${endpoint} is not a GraphQL endpoint: ${await failureText(res)}`);
}

export function graphqlClient(
  endpoint: string,
  token: string,
  options: ClientOptions = {},
): GraphqlClient {
  const doFetch = options.fetch ?? fetch;
  const sleep = options.sleep ?? pause;
  // The last write's bookmark, sent with every request after it: behind a load balancer, the
  // next request may reach a replica whose Neo4j member has not seen that write yet.
  let bookmark: string | null = null;
  const send = async (body: string): Promise<Response> => {
    try {
      return await doFetch(endpoint, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          authorization: `Bearer ${token}`,
          ...(bookmark ? { 'zhili-bookmark': bookmark } : {}),
        },
        body,
        signal: AbortSignal.timeout(options.timeoutMs ?? 60_000),
      });
    } catch (error) {
      const cause =
        (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
      throw new EndpointUnavailableError(`${endpoint} did not answer (${cause})`);
    }
  };
  return {
    async request<T>(query: string, variables?: Record<string, unknown>): Promise<GqlAnswer<T>> {
      const body = JSON.stringify({ query, variables });
      let waited = 0;
      for (;;) {
        const res = await send(body);
        if (res.status === 503)
          throw new EndpointUnavailableError(
            `${endpoint} is unavailable: ${await failureText(res)}`,
          );
        if (res.status === 429) {
          // Write budgets are per minute: wait as asked, within a bound, then try the same request
          // again.
          const wait = Math.max(1, Number(res.headers.get('retry-after') ?? '5')) * 1000;
          if (waited + wait > (options.maxRetryWaitMs ?? 180_000))
            throw new ProposeFailure(`${endpoint} kept refusing writes: ${await failureText(res)}`);
          await res.body?.cancel();
          waited += wait;
          await sleep(wait);
          continue;
        }
        await refuseKeyOrPage(endpoint, res);
        bookmark = res.headers.get('zhili-bookmark') ?? bookmark;
        // Under application/json every GraphQL answer, errors included, comes as JSON: the caller
        // reads its codes.
        return (await res.json()) as GqlAnswer<T>;
      }
    },
  };
}
