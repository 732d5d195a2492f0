import http from 'node:http';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Config } from '../core/config';
import { isServerFault } from '../core/error-format';
import { AppError, ErrorCode } from '../core/errors';
import type { Logger } from '../core/logger';
import { wantsGraphQLResponse } from './http-status.plugin';
import { requestIdOf } from './request-log.plugin';

/** Largest accepted request body: a GraphQL document and its variables, never bulk data. */
export const BODY_LIMIT_BYTES = 100 * 1024;

/**
 * The HTTP server, with its slow-client limits from configuration: headers must arrive within
 * HTTP_HEADERS_TIMEOUT_MS and the whole request within HTTP_REQUEST_TIMEOUT_MS (a client
 * trickling a body is cut off with 408), and an idle keep-alive connection closes after
 * HTTP_KEEP_ALIVE_TIMEOUT_MS. Node checks the first two only every `connectionsCheckingInterval`
 * (30 s by default, which would let a slow client hold a socket four times as long): here a
 * quarter of the headers timeout, at most a second.
 */
export function createHttpServer(
  app: http.RequestListener,
  timeouts: Config['http']['timeouts'],
): http.Server {
  const server = http.createServer(
    {
      headersTimeout: timeouts.headersMs,
      requestTimeout: timeouts.requestMs,
      connectionsCheckingInterval: Math.max(50, Math.min(1000, Math.floor(timeouts.headersMs / 4))),
    },
    app,
  );
  server.keepAliveTimeout = timeouts.keepAliveMs;
  return server;
}

/**
 * An error in GraphQL's shape (`errors[].extensions.code`), so clients read every failure the same
 * way.
 */
export function writeError(
  res: http.ServerResponse,
  accept: string | undefined,
  status: number,
  code: string,
  message: string,
): void {
  const type = wantsGraphQLResponse(accept)
    ? 'application/graphql-response+json; charset=utf-8'
    : 'application/json; charset=utf-8';
  const body = JSON.stringify({ errors: [{ message, extensions: { code } }] });
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

/**
 * body-parser's errors, by its `type`: what the client is told (never the parser's own words, which
 * quote the body).
 */
export const BODY_ERRORS: Readonly<
  Record<string, { status: number; code: string; message: string }>
> = {
  'entity.parse.failed': {
    status: 400,
    code: ErrorCode.BAD_REQUEST,
    message: 'The request body is not valid JSON',
  },
  'entity.too.large': {
    status: 413,
    code: ErrorCode.PAYLOAD_TOO_LARGE,
    message: `The request body is larger than ${BODY_LIMIT_BYTES / 1024} kB`,
  },
  'encoding.unsupported': {
    status: 415,
    code: ErrorCode.BAD_REQUEST,
    message: 'Unsupported Content-Encoding: send the body uncompressed, or gzip, deflate or br',
  },
  'charset.unsupported': {
    status: 415,
    code: ErrorCode.BAD_REQUEST,
    message: 'Unsupported charset: send the body as UTF-8',
  },
  'request.aborted': {
    status: 400,
    code: ErrorCode.BAD_REQUEST,
    message: 'The request body ended early',
  },
  'request.size.invalid': {
    status: 400,
    code: ErrorCode.BAD_REQUEST,
    message: 'The request body does not match its Content-Length',
  },
};

/** Any other path: a JSON 404 (Express would answer with an HTML page). */
export const jsonNotFound: RequestHandler = (req, res) => {
  writeError(
    res,
    req.headers.accept,
    404,
    ErrorCode.NOT_FOUND,
    `Nothing at ${req.method} ${req.path.slice(0, 100)}: the API is at /graphql`,
  );
};

/**
 * The last Express error handler: every error that reaches it (body-parser's, anything thrown
 * before Apollo) is answered as JSON with a code and the right status, never Express's HTML page
 * (which held a stack trace with file paths). Errors the server is at fault for are logged once,
 * with their cause and request id, and answered masked.
 */
export function jsonErrorHandler(log: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const accept = req.headers.accept;
    if (error instanceof AppError) {
      // Thrown on purpose before Apollo (e.g. by a middleware): its own status, headers and code.
      const http = error.extensions.http as
        { status?: number; headers?: Map<string, string> } | undefined;
      for (const [name, value] of http?.headers ?? []) res.setHeader(name, value);
      if (isServerFault(error))
        log.error(
          { reqId: requestIdOf(req.headers['x-request-id']), err: error, path: req.path },
          'request failed before GraphQL',
        );
      writeError(res, accept, http?.status ?? 500, error.code, error.message);
      return;
    }
    const type =
      typeof error === 'object' && error !== null && 'type' in error ? String(error.type) : '';
    const known = BODY_ERRORS[type];
    if (known) {
      writeError(res, accept, known.status, known.code, known.message);
      return;
    }
    const status =
      typeof error === 'object' &&
      error !== null &&
      'status' in error &&
      typeof error.status === 'number'
        ? error.status
        : 500;
    if (status >= 400 && status < 500) {
      writeError(res, accept, status, ErrorCode.BAD_REQUEST, 'The request could not be read');
      return;
    }
    log.error(
      { reqId: requestIdOf(req.headers['x-request-id']), err: error, path: req.path },
      'request failed before GraphQL',
    );
    writeError(res, accept, 500, ErrorCode.INTERNAL_SERVER_ERROR, 'Internal server error');
  };
}
