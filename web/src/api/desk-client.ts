import { GqlError } from './client';
import { ENDPOINT } from './use-query';

/**
 * The review desk's requests: POSTs signed with the editor's key. Unlike the explorer's reads
 * (GETs a CDN may cache), these carry credentials, so the API answers them uncached.
 */

/** A field of a refused fact and what is wrong with it (`fact.value`, `fact.citations.0`). */
export interface Problem {
  readonly field: string;
  readonly message: string;
}

interface ErrorItem {
  readonly message: string;
  readonly extensions?: { readonly code?: string; readonly problems?: readonly Problem[] };
}

/** A refused request: the API's code, the HTTP status, and a refused fact's problems. */
export class DeskError extends GqlError {
  constructor(
    message: string,
    code: string | undefined,
    readonly status: number,
    readonly problems: readonly Problem[] = [],
  ) {
    super(message, code);
  }
}

async function send(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch {
    throw new DeskError(`The API at ${location.origin} could not be reached`, 'NETWORK', 0);
  }
}

async function errorsOf(res: Response): Promise<readonly ErrorItem[]> {
  if (!(res.headers.get('content-type') ?? '').includes('json')) return [];
  const body = (await res.json()) as { errors?: readonly ErrorItem[] };
  return body.errors ?? [];
}

const fail = (res: Response, first: ErrorItem | undefined): DeskError =>
  new DeskError(
    first?.message ?? `The API answered ${res.status}`,
    first?.extensions?.code ?? `HTTP_${res.status}`,
    res.status,
    first?.extensions?.problems ?? [],
  );

/** Runs a query or mutation as the key's holder; resolves with its data or rejects a DeskError. */
export async function deskGql<T>(
  key: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const res = await send(ENDPOINT, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json',
      authorization: `Bearer ${key}`,
    },
    body: JSON.stringify({ query, variables }),
  });
  if (!(res.headers.get('content-type') ?? '').includes('json')) throw fail(res, undefined);
  const body = (await res.json()) as { data?: T | null; errors?: readonly ErrorItem[] };
  const first = body.errors?.[0];
  if (first || body.data === undefined || body.data === null) throw fail(res, first);
  return body.data;
}

/** What the server answers an upload with (201). */
export interface Uploaded {
  readonly changeSet: { readonly id: string; readonly title: string };
  readonly proposed: number;
  readonly notes: readonly string[];
}

/**
 * Sends a report file's bytes as they are, for the server to read and draft into a new change
 * set.
 */
export async function uploadReport(key: string, file: File): Promise<Uploaded> {
  const url = `/review/reports?name=${encodeURIComponent(file.name)}`;
  const res = await send(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/octet-stream',
      accept: 'application/json',
      authorization: `Bearer ${key}`,
    },
    body: file,
  });
  if (res.status === 201) return (await res.json()) as Uploaded;
  throw fail(res, (await errorsOf(res))[0]);
}
