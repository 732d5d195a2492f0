import type { ApolloServerPlugin, GraphQLResponse } from '@apollo/server';
import { type DocumentNode, getOperationAST } from 'graphql';
import type { Counter, Histogram } from 'prom-client';
import type { Context } from '../core/context';

/** Label values of a request: what a dashboard groups by. */
export type RequestLabel = 'operation' | 'code';

/** The label value every name past the bounds shares. */
export const OTHER = 'other';
export const ANONYMOUS = 'anonymous';

/** Operation names are chosen by clients: past these bounds they share one series. */
export const MAX_OPERATION_NAME_LENGTH = 64;
export const MAX_OPERATION_NAMES = 200;
/** Codes come from the server, but a bound costs nothing and keeps a bug from exploding series. */
const MAX_CODE_LENGTH = 64;
const MAX_CODES = 50;

/**
 * A label whose values come from outside: the first `maxValues` distinct values of at most
 * `maxLength` characters are kept, everything else is `other`. Each value is a time series in
 * Prometheus, so an unbounded label (a client naming every request anew) would exhaust it.
 */
export class BoundedLabel {
  private readonly seen = new Set<string>();

  constructor(
    private readonly maxLength: number,
    private readonly maxValues: number,
  ) {}

  of(value: string): string {
    if (this.seen.has(value)) return value;
    if (value.length > this.maxLength || this.seen.size >= this.maxValues) return OTHER;
    this.seen.add(value);
    return value;
  }
}

/** The operation label: the operation's name, bounded, or `anonymous` for an unnamed one. */
export function operationLabel(bound: BoundedLabel, name: string | null | undefined): string {
  return name ? bound.of(name) : ANONYMOUS;
}

/** `OK`, or the code of the first error the client was sent (its `extensions.code`). */
export function codeLabel(bound: BoundedLabel, response: GraphQLResponse): string {
  const body = response.body;
  const errors = body.kind === 'single' ? body.singleResult.errors : body.initialResult.errors;
  const first = errors?.[0];
  if (!first) return 'OK';
  const code = first.extensions?.code;
  return typeof code === 'string' && /^[A-Z][A-Z0-9_]*$/.test(code)
    ? bound.of(code)
    : 'INTERNAL_SERVER_ERROR';
}

/**
 * The operation a parsed document names, for a request that failed before Apollo resolved it
 * (validation): a failing operation is worth seeing by name.
 */
const nameIn = (document: DocumentNode | undefined): string | undefined =>
  document ? getOperationAST(document)?.name?.value : undefined;

export interface RequestMetrics {
  readonly requests: Counter<RequestLabel>;
  readonly duration: Histogram<RequestLabel>;
}

/**
 * Counts and times every GraphQL request Apollo answers, cached answers included, by operation
 * and outcome. Requests refused before Apollo (admission, the breaker, credentials) are not
 * here: admission and the breaker have metrics of their own.
 */
export function requestMetricsPlugin(metrics: RequestMetrics): ApolloServerPlugin<Context> {
  const operations = new BoundedLabel(MAX_OPERATION_NAME_LENGTH, MAX_OPERATION_NAMES);
  const codes = new BoundedLabel(MAX_CODE_LENGTH, MAX_CODES);
  return {
    async requestDidStart() {
      const started = performance.now();
      return {
        async willSendResponse({ response, operationName, request, document }) {
          const name = operationName ?? request.operationName ?? nameIn(document);
          const labels = {
            operation: operationLabel(operations, name),
            code: codeLabel(codes, response),
          };
          metrics.requests.inc(labels);
          metrics.duration.observe(labels, (performance.now() - started) / 1000);
        },
      };
    },
  };
}
