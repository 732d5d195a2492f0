import { BadInputError } from './errors';

/**
 * Relay pagination by offset: opaque cursors, the window (`skip`, `limit`) that `first`/`after`
 * make, and the connection a page of rows becomes. pages.ts fetches the pages.
 */
export const DEFAULT_FIRST = 20;
export const MAX_FIRST = 100;

export interface PageWindow {
  readonly skip: number;
  readonly limit: number;
}

const PREFIX = 'o:';

/**
 * The largest offset a cursor may hold. No list reaches it (every region of China is ~665,000
 * rows), so a larger one was not issued by this API; refusing it keeps forged offsets (which
 * overflow Neo4j's SKIP, or make it walk millions of rows) away from the database.
 */
export const MAX_CURSOR_OFFSET = 1_000_000;

/** Cursors are opaque: base64url of an offset into the ordered list. */
export const encodeCursor = (offset: number): string =>
  Buffer.from(`${PREFIX}${offset}`).toString('base64url');

/** A client's text quoted in a message, cut short: an error should not echo 100 kB back. */
const quoted = (text: string): string =>
  JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);

/**
 * The offset of a cursor this API issued; anything else (garbage, a forged or re-encoded offset) is
 * BAD_USER_INPUT.
 */
export function decodeCursor(cursor: string): number {
  const match = /^o:(0|[1-9]\d{0,6})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  const offset = match ? Number(match[1]) : -1;
  // Re-encoding must give the cursor back: base64url decoding skips stray characters, so "garbage"
  // could decode to something.
  if (offset < 0 || offset > MAX_CURSOR_OFFSET || encodeCursor(offset) !== cursor) {
    throw new BadInputError(`${quoted(cursor)} is not a cursor this API issued`, 'after');
  }
  return offset;
}

/**
 * `first` (bounded by PageArgs; default 20) and `after` → the rows to skip and how many to fetch.
 */
export function toPage(
  first: number | null | undefined,
  after: string | null | undefined,
): PageWindow {
  return { skip: after ? decodeCursor(after) + 1 : 0, limit: first ?? DEFAULT_FIRST };
}

export interface Connection<T> {
  edges: Array<{ node: T; cursor: string }>;
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
  totalCount: number;
}

/** Builds a connection from one page of rows (fetched with limit + 1 to see if more follow). */
export function toConnection<T>(
  rows: readonly T[],
  page: PageWindow,
  totalCount: number,
): Connection<T> {
  const items = rows.slice(0, page.limit);
  const edges = items.map((node, i) => ({ node, cursor: encodeCursor(page.skip + i) }));
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > page.limit,
      hasPreviousPage: page.skip > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount,
  };
}
