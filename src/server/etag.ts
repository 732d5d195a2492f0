import { createHash } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestHandler } from 'express';
import type { Context } from '../core/context';
import type { Executor } from '../core/db/executor';
import { revisionClock } from '../core/db/revision';
import { BOOKMARK_HEADER } from './bookmarks';

/**
 * Public GET reads carry an ETag made of the graph's revision and the request (its query string
 * and Accept): the same read at the same revision is the same answer. A client or CDN that sends
 * it back in If-None-Match is answered 304 at once, without the query being run, until the graph
 * changes; then the read runs and gets a new ETag. A CDN revalidates instead of serving a stale
 * answer for its whole max-age.
 */

/** The ETag of a read: weak, since the same answer may be compressed differently. */
export function etagOf(revision: number, search: string, accept: string | undefined): string {
  const digest = createHash('sha256')
    .update(`${search.replace(/^\?/, '')}\n${accept ?? ''}`)
    .digest('base64url')
    .slice(0, 22);
  return `W/"r${revision}-${digest}"`;
}

/** Whether a request may carry an ETag: an anonymous GET (a shared, cacheable answer). */
const shared = (method: string | undefined, authorization: string | undefined) =>
  method === 'GET' && !authorization;

const searchOf = (url: string): string => {
  const at = url.indexOf('?');
  return at < 0 ? '' : url.slice(at + 1);
};

/** 304 for an anonymous GET whose If-None-Match is the current ETag; the rest go on to Apollo. */
export function notModified(executor: Executor): RequestHandler {
  const clock = revisionClock(executor);
  return (req, res, next) => {
    const asked = req.headers['if-none-match'];
    // A client bringing back a bookmark reads after its write, which this process may not know.
    if (!asked || !shared(req.method, req.headers.authorization) || req.headers[BOOKMARK_HEADER])
      return next();
    clock.current().then(
      (revision) => {
        const etag = etagOf(revision, searchOf(req.originalUrl), req.headers.accept);
        if (!asked.split(',').some((tag) => tag.trim() === etag)) return next();
        res.status(304).setHeader('etag', etag);
        res.end();
      },
      // No revision known (the database not answering): the read runs and says so itself.
      () => next(),
    );
  };
}

/** Sets the ETag on an anonymous GET answered without errors. */
export function etagPlugin(executor: Executor): ApolloServerPlugin<Context> {
  const clock = revisionClock(executor);
  return {
    requestDidStart: async ({ request }) => {
      const http = request.http;
      if (!http || !shared(http.method, http.headers.get('authorization'))) return {};
      // The revision before the read runs: an answer is never labelled newer than what it read.
      const revision = await clock.current().catch(() => null);
      return {
        willSendResponse: async ({ response }) => {
          const ok = response.body.kind === 'single' && !response.body.singleResult.errors;
          if (revision === null || !ok || (response.http.status ?? 200) !== 200) return;
          response.http.headers.set(
            'etag',
            etagOf(revision, http.search, http.headers.get('accept')),
          );
        },
      };
    },
  };
}
