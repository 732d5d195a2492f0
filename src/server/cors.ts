import type { ApolloServerPlugin } from '@apollo/server';
import cors from 'cors';
import type { RequestHandler } from 'express';
import type { Config } from '../core/config';
import { allows, type Origins } from '../core/config-http';
import { ForbiddenError } from '../core/errors';

/** Headers a reading page may send; `authorization` only from writing origins (below). */
const READ_HEADERS = [
  'content-type',
  'accept',
  'x-request-id',
  'apollo-require-preflight',
  'x-apollo-operation-name',
  'zhili-bookmark',
];
/** Headers a page may read: when to retry, how old a cached answer is, which request to quote. */
const EXPOSED_HEADERS = ['retry-after', 'age', 'x-request-id', 'zhili-bookmark', 'zhili-revision'];
/** Browsers may reuse a preflight answer this long (seconds), saving a round trip per lookup. */
const PREFLIGHT_MAX_AGE = 600;

export interface CorsPolicy {
  readonly middleware: RequestHandler;
  /** Refuses mutations sent by a browser from an origin that may not write. */
  readonly plugin: ApolloServerPlugin;
}

/** Writing origins: CORS_WRITE_ORIGINS, plus the API's own public origin (its own pages). */
function writersOf(config: Config): Origins {
  const { write } = config.http.cors;
  if (write === '*' || !config.http.publicUrl) return write;
  return [...write, new URL(config.http.publicUrl).origin];
}

/**
 * Which browser pages may use the API (CORS_ORIGINS, CORS_WRITE_ORIGINS). Any origin may read by
 * default: the graph is public and answers carry no cookies (credentials are never allowed).
 * Writing takes more: only writing origins may send `Authorization` (the preflight refuses it
 * to others), and a mutation from any other origin is refused with FORBIDDEN, so a page cannot
 * write with a token it was given. Requests without `Origin` (servers, scripts, curl) are not
 * browsers' and are left to authentication.
 */
export function corsPolicy(config: Config): CorsPolicy {
  const readers = config.http.cors.read;
  const writers = writersOf(config);
  const middleware = cors((req, callback) => {
    const origin = req.headers.origin;
    const writer = origin !== undefined && allows(writers, origin);
    const reader = writer || (origin !== undefined && allows(readers, origin));
    callback(null, {
      // `*` when every origin may read and this one may not write: one answer for every page, which
      // a CDN may share.
      origin: writer ? origin : reader && readers === '*' ? '*' : reader ? origin : false,
      methods: ['GET', 'POST'],
      allowedHeaders: writer ? [...READ_HEADERS, 'authorization'] : READ_HEADERS,
      exposedHeaders: EXPOSED_HEADERS,
      credentials: false,
      maxAge: PREFLIGHT_MAX_AGE,
    });
  });
  const plugin: ApolloServerPlugin = {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, operation }) {
          const origin = request.http?.headers.get('origin');
          if (
            operation?.operation === 'mutation' &&
            origin !== undefined &&
            !allows(writers, origin)
          ) {
            throw new ForbiddenError(
              `Mutations are not accepted from pages at ${origin.slice(0, 100)} (see CORS_WRITE_ORIGINS)`,
            );
          }
        },
      };
    },
  };
  return { middleware, plugin };
}
