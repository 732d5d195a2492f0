import type { ComponentChildren } from 'preact';
import type { QueryState } from '../api/use-query';
import { useI18n } from '../i18n/lang';

interface Props<T> {
  readonly state: QueryState<T>;
  readonly retry: () => void;
  readonly children: (data: T) => ComponentChildren;
}

/** What a query's state shows: a loading line, an error with a retry button, or its data. */
export function Loaded<T>({ state, retry, children }: Props<T>) {
  const { t } = useI18n();
  if (state.status === 'idle') return null;
  if (state.status === 'loading')
    return (
      <p class="muted" role="status">
        {t('loading')}
      </p>
    );
  if (state.status === 'error') {
    if (state.error.code === 'NOT_FOUND') return <NotFound what={state.error.message} />;
    return (
      <div class="error" role="alert">
        <p>
          {t('error')}: {state.error.message}
          {state.error.code ? <code> {state.error.code}</code> : null}
        </p>
        <button type="button" onClick={retry}>
          {t('retry')}
        </button>
      </div>
    );
  }
  return <>{children(state.data)}</>;
}

export function NotFound({ what }: { readonly what: string }) {
  const { t } = useI18n();
  return (
    <section>
      <h1>{t('notFound')}</h1>
      <p class="muted">{what}</p>
    </section>
  );
}
