import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { type ApolloServer, HeaderMap, type HTTPGraphQLResponse } from '@apollo/server';
import type { Context } from '../core/context';
import { ErrorCode } from '../core/errors';
import type { Logger } from '../core/logger';
import { BODY_ERRORS, BODY_LIMIT_BYTES, writeError } from './http-edge';
import { tagRequest } from './request-log.plugin';

/** A JSON body in UTF-8, as nearly every client sends it; other charsets go the long way. */
const JSON_TYPE = /^application\/json\s*(;\s*charset=("?)utf-8\2\s*)?$/i;

/**
 * The requests taken here: an uncompressed JSON POST to /graphql. Anything else (GET, the IDE, a
 * compressed or oddly typed body, other paths) goes on to Express, whose answers are the same.
 */
function takesPost(req: IncomingMessage): boolean {
  const url = req.url ?? '';
  if (req.method !== 'POST' || (url !== '/graphql' && !url.startsWith('/graphql?'))) return false;
  const encoding = req.headers['content-encoding'];
  if (encoding !== undefined && encoding.toLowerCase() !== 'identity') return false;
  const type = req.headers['content-type'];
  return type !== undefined && JSON_TYPE.test(type);
}

export interface PostParts {
  readonly apollo: ApolloServer<Context>;
  /** CORS headers for the request (the cors middleware; it calls `next` for a POST). */
  readonly cors: (req: IncomingMessage, res: ServerResponse, next: () => void) => void;
  readonly context: (req: IncomingMessage) => Promise<Context>;
  readonly log: Logger;
}

/**
 * POST /graphql straight to Apollo, in front of Express: the same request id, CORS headers, body
 * limits and errors as Express's route (body-parser's `strict` JSON), without its router,
 * middleware chain and `res.send`, which cost more CPU than the rest of a simple read.
 */
export function graphqlPost(parts: PostParts, rest: RequestListener): RequestListener {
  return (req, res) => {
    if (!takesPost(req)) return rest(req, res);
    tagRequest(req, res);
    parts.cors(req, res, () => {
      readJson(req).then(
        (body) => execute(parts, req, res, body),
        (type: keyof typeof BODY_ERRORS) => {
          const known = BODY_ERRORS[type]!;
          writeError(res, req.headers.accept, known.status, known.code, known.message);
        },
      );
    });
  };
}

/** The body as JSON; rejects with body-parser's error type, so the answer is Express's. */
function readJson(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    if (Number(req.headers['content-length'] ?? 0) > BODY_LIMIT_BYTES)
      return reject('entity.too.large');
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      if (over) return;
      size += chunk.length;
      if (size <= BODY_LIMIT_BYTES) return void chunks.push(chunk);
      // The rest is read and dropped, so the connection stays usable; the 413 goes at once.
      over = true;
      chunks.length = 0;
      reject('entity.too.large');
    });
    req.on('aborted', () => reject('request.aborted'));
    req.on('end', () => {
      if (over) return;
      const text = Buffer.concat(chunks)
        .toString('utf8')
        .replace(/^\uFEFF/, '');
      // Like body-parser: an empty body is {}, and only an object or an array is JSON enough.
      const first = text.trimStart()[0];
      if (first === undefined) return resolve({});
      if (first !== '{' && first !== '[') return reject('entity.parse.failed');
      try {
        resolve(JSON.parse(text));
      } catch {
        reject('entity.parse.failed');
      }
    });
  });
}

async function execute(
  parts: PostParts,
  req: IncomingMessage,
  res: ServerResponse,
  body: unknown,
): Promise<void> {
  const headers = new HeaderMap();
  for (const [name, value] of Object.entries(req.headers))
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  const url = req.url ?? '';
  const query = url.indexOf('?');
  try {
    const answer = await parts.apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: {
        method: 'POST',
        headers,
        search: query < 0 ? '' : url.slice(query),
        body,
      },
      context: () => parts.context(req),
    });
    await send(res, answer);
  } catch (error) {
    parts.log.error(
      { reqId: req.headers['x-request-id'], err: error },
      'request failed on the server',
    );
    if (!res.headersSent)
      writeError(
        res,
        req.headers.accept,
        500,
        ErrorCode.INTERNAL_SERVER_ERROR,
        'Internal server error',
      );
    else res.destroy();
  }
}

async function send(res: ServerResponse, answer: HTTPGraphQLResponse): Promise<void> {
  for (const [name, value] of answer.headers) res.setHeader(name, value);
  res.statusCode = answer.status ?? 200;
  if (answer.body.kind === 'complete') {
    res.setHeader('content-length', Buffer.byteLength(answer.body.string));
    res.end(answer.body.string);
    return;
  }
  for await (const chunk of answer.body.asyncIterator) res.write(chunk);
  res.end();
}
