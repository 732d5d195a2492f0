import { Link, useSearchParams } from 'wouter-preact';
import { useDeskQuery } from '../api/use-desk-query';
import { enumLabel } from '../i18n/enums';
import { useI18n } from '../i18n/lang';
import { CHANGE_SETS, type ChangeSetsData, SET_STATUSES } from '../pages/review.query';
import { to } from '../routes';
import { CountsLine } from './desk-set-parts';
import { Loaded } from './status';

/** The status filter, kept in `?status=` so a filtered list can be bookmarked. */
function StatusFilter({ status }: { readonly status: string }) {
  const { t, lang } = useI18n();
  const [, setParams] = useSearchParams();
  return (
    <p>
      <label for="desk-status">{t('filterStatus')}</label>{' '}
      <select
        id="desk-status"
        value={status}
        onChange={(e) => {
          const value = e.currentTarget.value;
          setParams((p) => {
            const next = new URLSearchParams(p);
            if (value) next.set('status', value);
            else next.delete('status');
            return next;
          });
        }}
      >
        <option value="">{t('allStatuses')}</option>
        {SET_STATUSES.map((s) => (
          <option key={s} value={s}>
            {enumLabel(lang, s)}
          </option>
        ))}
      </select>
    </p>
  );
}

/** The change sets, newest first: each by its report's title, with its status and counts. */
export function ChangeSets({ token }: { readonly token: string }) {
  const { t, lang } = useI18n();
  const [params] = useSearchParams();
  const raw = params.get('status') ?? '';
  const status = (SET_STATUSES as readonly string[]).includes(raw) ? raw : '';
  const [state, retry] = useDeskQuery<ChangeSetsData>(token, CHANGE_SETS, {
    status: status ? [status] : null,
  });
  return (
    <section>
      <h2>{t('changeSets')}</h2>
      <StatusFilter status={status} />
      <Loaded state={state} retry={retry}>
        {(data) =>
          data.changeSets.edges.length === 0 ? (
            <p class="muted">{t('noChangeSets')}</p>
          ) : (
            <ul class="desk-set-list">
              {data.changeSets.edges.map(({ node }) => (
                <li key={node.id}>
                  <Link href={to.review(lang, node.id)} lang="zh">
                    {node.title}
                  </Link>{' '}
                  <span class={`desk-status desk-status-${node.status.toLowerCase()}`}>
                    {enumLabel(lang, node.status)}
                  </span>{' '}
                  <CountsLine counts={node.counts} />
                  <span class="muted">
                    {' '}
                    · {node.createdBy} · {node.createdAt.slice(0, 10)}
                  </span>
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
    </section>
  );
}
