import { useCallback, useEffect, useState } from 'preact/hooks';
import { DeskError, deskGql } from './desk-client';
import type { QueryState } from './use-query';

/**
 * A desk read, signed with the key, run again when its variables change or `reload` is called.
 * A reload keeps the last answer on screen until the new one arrives, so the desk does not
 * flicker (nor lose the reader's place) after each step.
 */
export function useDeskQuery<T>(
  key: string,
  query: string,
  variables: Record<string, unknown>,
): [QueryState<T>, () => void] {
  const [state, setState] = useState<QueryState<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const vars = JSON.stringify(variables);
  useEffect(() => {
    let current = true;
    setState((s) => (s.status === 'done' ? s : { status: 'loading' }));
    deskGql<T>(key, query, JSON.parse(vars) as Record<string, unknown>).then(
      (data) => current && setState({ status: 'done', data }),
      (error: unknown) =>
        current &&
        setState({
          status: 'error',
          error: error instanceof DeskError ? error : new DeskError(String(error), undefined, 0),
        }),
    );
    return () => {
      current = false;
    };
  }, [key, query, vars, attempt]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return [state, reload];
}
