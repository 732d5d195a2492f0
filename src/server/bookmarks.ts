import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from '../core/context';
import { AppError, ErrorCode } from '../core/errors';

/**
 * Read-your-writes across replicas. A request that wrote answers with its write's bookmarks, in
 * the `Zhili-Bookmark` header and in `extensions.bookmark`; a client that sends the value back
 * (to any replica) reads after that write, however far behind the member serving it was. Within
 * one process every statement already chains on the process's bookmark manager.
 */

export const BOOKMARK_HEADER = 'zhili-bookmark';
/** Bounds on what a client may bring back: a cluster's bookmarks are a few short strings. */
const MAX_HEADER = 4096;
const MAX_BOOKMARKS = 16;

/** A Zhili-Bookmark header this API could not have given. */
export class BadBookmarkError extends AppError {
  constructor(why: string) {
    super(`The ${BOOKMARK_HEADER} header is not one this API gave: ${why}`, ErrorCode.BAD_REQUEST, {
      http: { status: 400 },
    });
  }
}

/** The header's value for `bookmarks`: base64url of their JSON list (opaque to clients). */
export const formatBookmarks = (bookmarks: readonly string[]): string =>
  Buffer.from(JSON.stringify(bookmarks), 'utf8').toString('base64url');

/** The bookmarks a request brings back; none without the header. */
export function parseBookmarks(header: string | string[] | undefined): string[] {
  if (header === undefined || header === '') return [];
  if (Array.isArray(header)) throw new BadBookmarkError('send it once');
  if (header.length > MAX_HEADER)
    throw new BadBookmarkError(`longer than ${MAX_HEADER} characters`);
  let list: unknown;
  try {
    list = JSON.parse(Buffer.from(header, 'base64url').toString('utf8'));
  } catch {
    throw new BadBookmarkError('not base64url-encoded JSON');
  }
  if (
    !Array.isArray(list) ||
    list.length > MAX_BOOKMARKS ||
    !list.every((b) => typeof b === 'string' && b.length > 0 && b.length <= 512)
  )
    throw new BadBookmarkError(`not a list of at most ${MAX_BOOKMARKS} bookmarks`);
  return list as string[];
}

/** Sends a request's write bookmarks back, as a header and in the answer's extensions. */
export function bookmarksPlugin(): ApolloServerPlugin<Context> {
  return {
    requestDidStart: async () => ({
      willSendResponse: async ({ contextValue, response }) => {
        const written = contextValue.executor.writtenBookmarks;
        if (written.length === 0) return;
        const value = formatBookmarks(written);
        response.http.headers.set(BOOKMARK_HEADER, value);
        if (response.body.kind === 'single')
          response.body.singleResult.extensions = {
            ...response.body.singleResult.extensions,
            bookmark: value,
          };
      },
    }),
  };
}
