import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestHandler } from 'express';
import type { Context } from '../core/context';
import { isServerFault } from '../core/error-format';
import type { Logger } from '../core/logger';

/** A client's x-request-id is kept when it is a plain token, so it cannot forge log lines. */
export const requestIdOf = (header: unknown): string =>
  typeof header === 'string' && /^[\w.:-]{1,64}$/.test(header) ? header : randomUUID();

/**
 * Gives every request its id before anything else reads it (the client's, when a plain token)
 * and sends it back in `x-request-id`, so a user can quote it and on-call can find the request's
 * log lines, including those written before GraphQL (a body that failed to parse).
 */
export function tagRequest(req: IncomingMessage, res: ServerResponse): void {
  const id = requestIdOf(req.headers['x-request-id']);
  req.headers['x-request-id'] = id;
  res.setHeader('x-request-id', id);
}

/** tagRequest as an Express middleware. */
export const assignRequestId: RequestHandler = (req, res, next) => {
  tagRequest(req, res);
  next();
};

/**
 * One log line per GraphQL request: request id, operation, duration, Bolt round trips and error
 * codes. Errors the server is at fault for are logged once with their cause (the client sees them
 * masked), so on-call can find what a user reported: errors of the operation here, errors that
 * escape Apollo's pipeline (a plugin that failed) and failed context creation below.
 */
export function requestLogPlugin(log?: Logger): ApolloServerPlugin<Context> {
  return {
    async contextCreationDidFail({ error }) {
      // Refused credentials and an unreachable database are not faults (the auth layer logs
      // refusals).
      if (log && isServerFault(error))
        log.error({ err: error }, 'request context could not be made');
    },
    async unexpectedErrorProcessingRequest({ requestContext, error }) {
      const ctx = requestContext.contextValue as Partial<Context>;
      (ctx.log ?? log)?.error({ reqId: ctx.requestId, err: error }, 'request failed on the server');
    },
    async requestDidStart({ request }) {
      const started = performance.now();
      return {
        async didEncounterErrors({ errors, contextValue }) {
          for (const error of errors) {
            if (isServerFault(error))
              contextValue.log.error(
                {
                  reqId: contextValue.requestId,
                  err: error.originalError ?? error,
                  path: error.path,
                },
                'request failed on the server',
              );
          }
        },
        async willSendResponse({ response, contextValue, operationName, operation }) {
          const errors =
            response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
          contextValue.log.info(
            {
              reqId: contextValue.requestId,
              operation: operationName ?? request.operationName ?? null,
              kind: operation?.operation ?? null,
              // Names an anonymous operation by what it asked for.
              fields:
                operation?.selectionSet.selections.flatMap((s) =>
                  s.kind === 'Field' ? [s.name.value] : [],
                ) ?? [],
              ms: Math.round((performance.now() - started) * 10) / 10,
              boltTrips: contextValue.executor.roundTrips,
              errors: errors.map((e) => String(e.extensions?.code ?? 'UNKNOWN')),
            },
            'graphql request',
          );
        },
      };
    },
  };
}
