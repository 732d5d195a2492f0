import { createHash } from 'node:crypto';
import type { GraphQLRequestContext } from '@apollo/server';
import { type DocumentNode, getVariableValues, type GraphQLSchema, print } from 'graphql';
import type { Context } from '../core/context';
import type { Executor } from '../core/db/executor';
import { revisionClock } from '../core/db/revision';
import { anonymousOnly } from './request-auth';

/** JSON with object keys sorted at every level: equal values, equal text. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    const entries = Object.entries(value as Record<string, unknown>).filter(
      ([, v]) => v !== undefined,
    );
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Printed documents: Apollo keeps one parsed document per query text, so each is printed once. */
const printed = new WeakMap<DocumentNode, string>();
const printOnce = (document: DocumentNode): string => {
  let text = printed.get(document);
  if (text === undefined) printed.set(document, (text = print(document)));
  return text;
};

/**
 * The response cache's key, normalised so that requests asking the same thing share an answer:
 * the document as graphql-js prints it (whitespace and comments do not count) and the operation's
 * variables as coerced (a variable the operation does not declare is dropped, a default is filled
 * in, key order does not count). Apollo's own key hashes the raw text and every variable sent, so
 * an unused variable — or a random one added on purpose — made every request a miss.
 */
export function responseCacheKey(
  schema: GraphQLSchema,
): (requestContext: GraphQLRequestContext<Record<string, unknown>>, keyData: unknown) => string {
  return ({ document, operation, request }, keyData) => {
    const declared = operation?.variableDefinitions ?? [];
    const coerced = getVariableValues(schema, declared, request.variables ?? {});
    // Variables that do not coerce never execute, so never reach the cache; keep them apart anyway.
    const variables = coerced.errors ? { raw: request.variables ?? {} } : coerced.coerced;
    // keyData carries the graph's revision (`extra`, from revisionKeyData).
    const key = {
      ...(keyData as Record<string, unknown>),
      source: document ? printOnce(document) : null,
      variables,
    };
    return createHash('sha256').update(stableJson(key)).digest('hex');
  };
}

/**
 * The response cache's extra key data: the graph's revision, so an answer cached before a write is
 * not served after it — at once in the process that wrote, within REVISION_TTL_MS in the others
 * (CDNs still serve theirs until their max-age runs out). Asked once per request, before the
 * cache is read, and kept for writing the answer.
 */
export function revisionKeyData(executor: Executor): () => Promise<{ revision: number }> {
  const clock = revisionClock(executor);
  return async () => ({ revision: await clock.current() });
}

/**
 * Whether a request may be answered from the response cache: anonymous, and bringing back no
 * bookmark. A client that just wrote (through any process) must read after its write, and this
 * process may not know the new revision yet (REVISION_TTL_MS), so it reads the graph; its answer
 * may then be cached for others.
 */
export const cacheReadable = async (
  requestContext: GraphQLRequestContext<Context>,
): Promise<boolean> =>
  (await anonymousOnly(requestContext)) &&
  requestContext.contextValue.executor.awaited.length === 0;
