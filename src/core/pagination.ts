import { BadInputError } from './errors';

export const DEFAULT_FIRST = 20;
export const MAX_FIRST = 100;

export interface PageWindow {
  readonly skip: number;
  readonly limit: number;
}

const PREFIX = 'o:';

/** Cursors are opaque: base64url of an offset into the ordered list. */
export const encodeCursor = (offset: number): string => Buffer.from(`${PREFIX}${offset}`).toString('base64url');

export function decodeCursor(cursor: string): number {
  const raw = Buffer.from(cursor, 'base64url').toString('utf8');
  const offset = Number(raw.slice(PREFIX.length));
  if (!raw.startsWith(PREFIX) || !Number.isInteger(offset) || offset < 0) throw new BadInputError(`"${cursor}" is not a cursor this API issued`, 'after');
  return offset;
}

/** `first` (bounded by PageArgs; default 20) and `after` → the rows to skip and how many to fetch. */
export function toPage(first: number | null | undefined, after: string | null | undefined): PageWindow {
  return { skip: after ? decodeCursor(after) + 1 : 0, limit: first ?? DEFAULT_FIRST };
}

export interface Connection<T> {
  edges: Array<{ node: T; cursor: string }>;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount: number;
}

/** Builds a connection from one page of rows (fetched with limit + 1 to see if more follow). */
export function toConnection<T>(rows: readonly T[], page: PageWindow, totalCount: number): Connection<T> {
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
