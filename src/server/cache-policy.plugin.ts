import type { ApolloServerPlugin } from '@apollo/server';
import {
  type DocumentNode,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/** Root fields whose answer depends on who asks (`me`): an operation reading one is not cached. */
export const CALLER_FIELDS: ReadonlySet<string> = new Set(['me']);

/** The root fields an operation selects, through fragments and inline fragments. */
function rootFields(set: SelectionSetNode, document: DocumentNode, seen = new Set<string>()) {
  const names: string[] = [];
  for (const s of set.selections) {
    if (s.kind === Kind.FIELD) names.push(s.name.value);
    else if (s.kind === Kind.INLINE_FRAGMENT)
      names.push(...rootFields(s.selectionSet, document, seen));
    else if (!seen.has(s.name.value)) {
      seen.add(s.name.value);
      const fragment = document.definitions.find(
        (d) => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === s.name.value,
      );
      if (fragment?.kind === Kind.FRAGMENT_DEFINITION)
        names.push(...rootFields(fragment.selectionSet, document, seen));
    }
  }
  return names;
}

/** Whether an operation's answer may be shared: a query reading no caller-dependent root field. */
const shareable = new WeakMap<OperationDefinitionNode, boolean>();
function isShareable(operation: OperationDefinitionNode, document: DocumentNode): boolean {
  let known = shareable.get(operation);
  if (known === undefined) {
    known =
      operation.operation === 'query' &&
      !rootFields(operation.selectionSet, document).some((f) => CALLER_FIELDS.has(f));
    shareable.set(operation, known);
  }
  return known;
}

/**
 * Every answer's cache policy: a shared query may be kept for `maxAge` seconds (public), anything
 * else not at all; other plugins may only lower it (an authenticated caller's answer, kept by
 * nobody). Decided once per parsed document, where Apollo's cache-control plugin, which this
 * replaces, ran a hook on every resolved field to reach the same policy: the schema sets no
 * per-type or per-field hints. Answers with errors are `no-store`.
 */
export function cachePolicyPlugin(maxAge: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, overallCachePolicy }) {
          const shared = operation !== undefined && isShareable(operation, document);
          overallCachePolicy.restrict({ maxAge: shared ? maxAge : 0, scope: 'PUBLIC' });
        },
        async willSendResponse({ response, overallCachePolicy }) {
          const headers = response.http.headers;
          if (headers.has('cache-control')) return;
          const policy = overallCachePolicy.policyIfCacheable();
          const ok = response.body.kind === 'single' && !response.body.singleResult.errors;
          headers.set(
            'cache-control',
            policy && ok ? `max-age=${policy.maxAge}, ${policy.scope.toLowerCase()}` : 'no-store',
          );
        },
      };
    },
  };
}
