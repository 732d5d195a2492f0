/**
 * GraphQL over GET with automatic persisted queries, as the API offers them to portals and CDNs:
 * the query's sha256 alone first; if the server does not know it yet (PERSISTED_QUERY_NOT_FOUND),
 * the same GET with the query added registers it. Where the page cannot hash (crypto.subtle
 * exists only in secure contexts), a plain GET with the query text, still cacheable.
 */

export interface GqlErrorItem {
  readonly message: string;
  readonly extensions?: { readonly code?: string };
}

/** A failed request: the API's own error code when it sent one (OVERLOADED, NOT_FOUND …). */
export class GqlError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

interface Answer<T> {
  readonly data?: T;
  readonly errors?: readonly GqlErrorItem[];
}

const hashes = new Map<string, Promise<string | undefined>>();

function sha256Hex(text: string): Promise<string | undefined> {
  let hash = hashes.get(text);
  if (!hash) {
    const subtle = globalThis.crypto?.subtle;
    hash = subtle
      ? subtle
          .digest('SHA-256', new TextEncoder().encode(text))
          .then((buf) =>
            Array.from(new Uint8Array(buf), (b) => b.toString(16).padStart(2, '0')).join(''),
          )
      : Promise.resolve(undefined);
    hashes.set(text, hash);
  }
  return hash;
}

async function get<T>(
  endpoint: string,
  params: Record<string, string>,
  signal?: AbortSignal,
): Promise<Answer<T>> {
  const url = new URL(endpoint, globalThis.location?.href);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  let res: Response;
  try {
    res = await fetch(url, { headers: { accept: 'application/json' }, signal });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new GqlError(`The API at ${url.origin} could not be reached`, 'NETWORK');
  }
  const type = res.headers.get('content-type') ?? '';
  if (!type.includes('json'))
    throw new GqlError(`The API answered ${res.status} without JSON`, `HTTP_${res.status}`);
  return (await res.json()) as Answer<T>;
}

const notRegistered = (answer: Answer<unknown>): boolean =>
  answer.errors?.some((e) => e.extensions?.code === 'PERSISTED_QUERY_NOT_FOUND') ?? false;

/** Runs a read; resolves with its data, or rejects with the first error's message and code. */
export async function gql<T>(
  endpoint: string,
  query: string,
  variables: Record<string, unknown> = {},
  signal?: AbortSignal,
): Promise<T> {
  const vars = JSON.stringify(variables);
  const hash = await sha256Hex(query);
  let answer: Answer<T>;
  if (hash) {
    const extensions = JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } });
    answer = await get<T>(endpoint, { extensions, variables: vars }, signal);
    if (notRegistered(answer))
      answer = await get<T>(endpoint, { query, extensions, variables: vars }, signal);
  } else {
    answer = await get<T>(endpoint, { query, variables: vars }, signal);
  }
  const first = answer.errors?.[0];
  if (first || answer.data === undefined)
    throw new GqlError(first?.message ?? 'The API sent no data', first?.extensions?.code);
  return answer.data;
}
