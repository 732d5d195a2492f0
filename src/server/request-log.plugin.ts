import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from '../core/context';
import { isServerFault } from '../core/errors';

/**
 * One log line per GraphQL request: request id, operation, duration, Bolt round trips and error
 * codes. Errors the server is at fault for are logged with their cause (the client sees them
 * masked), so on-call can find what a user reported.
 */
export function requestLogPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ request }) {
      const started = performance.now();
      return {
        async didEncounterErrors({ errors, contextValue }) {
          for (const error of errors) {
            if (isServerFault(error)) contextValue.log.error({ reqId: contextValue.requestId, err: error.originalError ?? error, path: error.path }, 'request failed on the server');
          }
        },
        async willSendResponse({ response, contextValue, operationName, operation }) {
          const errors = response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
          contextValue.log.info(
            {
              reqId: contextValue.requestId,
              operation: operationName ?? request.operationName ?? null,
              kind: operation?.operation ?? null,
              // Names an anonymous operation by what it asked for.
              fields: operation?.selectionSet.selections.flatMap((s) => (s.kind === 'Field' ? [s.name.value] : [])) ?? [],
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
