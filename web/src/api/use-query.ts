import { useCallback, useEffect, useState } from 'preact/hooks';
import { gql, GqlError } from './client';

/** The explorer talks to the API that served it. */
export const ENDPOINT = '/graphql';

export type QueryState<T> =
  | { readonly status: 'idle' }
  | { readonly status: 'loading' }
  | { readonly status: 'error'; readonly error: GqlError }
  | { readonly status: 'done'; readonly data: T };

/**
 * Runs a read whenever its variables change (a newer request aborts the older one); `skip` holds it
 * back.
 */
export function useQuery<T>(
  query: string,
  variables: Record<string, unknown>,
  skip = false,
): [QueryState<T>, () => void] {
  const [state, setState] = useState<QueryState<T>>({ status: skip ? 'idle' : 'loading' });
  const [attempt, setAttempt] = useState(0);
  const key = JSON.stringify(variables);
  useEffect(() => {
    if (skip) {
      setState({ status: 'idle' });
      return;
    }
    const abort = new AbortController();
    setState({ status: 'loading' });
    gql<T>(ENDPOINT, query, JSON.parse(key) as Record<string, unknown>, abort.signal).then(
      (data) => abort.signal.aborted || setState({ status: 'done', data }),
      (error: unknown) =>
        abort.signal.aborted ||
        setState({
          status: 'error',
          error: error instanceof GqlError ? error : new GqlError(String(error)),
        }),
    );
    return () => abort.abort();
  }, [query, key, skip, attempt]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return [state, retry];
}
