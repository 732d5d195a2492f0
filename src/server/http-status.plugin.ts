import type { ApolloServerPlugin } from '@apollo/server';
import Negotiator from 'negotiator';
import { ErrorCode } from '../core/errors';

/**
 * The single-result media types, in the order Apollo negotiates them (its
 * chooseContentTypeForSingleResultResponse).
 */
const JSON_TYPE = 'application/json; charset=utf-8';
const GRAPHQL_RESPONSE_TYPE = 'application/graphql-response+json; charset=utf-8';
const JSON_CALLBACK_TYPE = 'application/json; callbackSpec=1.0; charset=utf-8';

/**
 * The media type Apollo answers with for this Accept header: application/json when there is
 * none (the spec's legacy default), else the best match. Computed the same way, so the status
 * set here always fits the content type Apollo then writes.
 */
export function responseMediaType(accept: string | undefined): string | undefined {
  if (!accept) return JSON_TYPE;
  return new Negotiator({ headers: { accept } }).mediaType([
    JSON_TYPE,
    GRAPHQL_RESPONSE_TYPE,
    JSON_CALLBACK_TYPE,
  ]);
}

export const wantsGraphQLResponse = (accept: string | undefined): boolean =>
  responseMediaType(accept) === GRAPHQL_RESPONSE_TYPE;

/**
 * Mistakes a client makes in a well-formed request — its document (syntax, validation, limits),
 * its variables or arguments. (BAD_REQUEST, a request HTTP cannot carry, keeps its 400.)
 */
const CLIENT_MISTAKES: ReadonlySet<string> = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  // An operationName the document does not hold.
  'OPERATION_RESOLUTION_FAILURE',
  ErrorCode.BAD_USER_INPUT,
  ErrorCode.QUERY_TOO_COMPLEX,
]);

/**
 * Statuses as the GraphQL over HTTP specification asks for a request that fails before it runs
 * (no `data` in the answer) because of the client's own mistakes: 400 under
 * application/graphql-response+json, 200 under application/json (whose clients read errors
 * from the body). Apollo itself answers 400 for parse and validation failures under both, and 500
 * for an error thrown by a plugin (our cost and argument checks) unless it carries a status.
 * Answers that ran (data present, even null) keep Apollo's status; so do other errors (401, 403,
 * 405, 503 …).
 */
export function graphqlHttpStatusPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ request, response }) {
          if (!request.http || response.body.kind !== 'single') return;
          const { data, errors } = response.body.singleResult;
          if (data !== undefined || !errors?.length) return;
          if (!errors.every((e) => CLIENT_MISTAKES.has(String(e.extensions?.code)))) return;
          response.http.status = wantsGraphQLResponse(request.http.headers.get('accept'))
            ? 400
            : 200;
        },
      };
    },
  };
}
