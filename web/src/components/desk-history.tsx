import { useState } from 'preact/hooks';
import { useDeskQuery } from '../api/use-desk-query';
import { enumLabel } from '../i18n/enums';
import { useI18n } from '../i18n/lang';
import { FACT_HISTORY, type FactHistoryData } from '../pages/review-change.query';
import { Loaded } from './status';

function History({ token, type, factKey }: { token: string; type: string; factKey: string }) {
  const { t, lang } = useI18n();
  const [state, retry] = useDeskQuery<FactHistoryData>(token, FACT_HISTORY, { type, key: factKey });
  return (
    <Loaded state={state} retry={retry}>
      {(data) => {
        const events = data.factHistory.flatMap((c) => c.events.map((e) => ({ ...e, change: c })));
        if (events.length === 0) return <p class="muted">{t('noHistory')}</p>;
        return (
          <table class="figures desk-history">
            <thead>
              <tr>
                <th scope="col">{t('at')}</th>
                <th scope="col">{t('step')}</th>
                <th scope="col">{t('status')}</th>
                <th scope="col">{t('by')}</th>
                <th scope="col">{t('reason')}</th>
              </tr>
            </thead>
            <tbody>
              {events.map((e, i) => (
                <tr key={`${e.change.id}-${i}`}>
                  <td>{e.at.slice(0, 19).replace('T', ' ')}</td>
                  <td>{enumLabel(lang, e.action)}</td>
                  <td>
                    {e.from ? `${enumLabel(lang, e.from)} → ` : ''}
                    {enumLabel(lang, e.to)}
                  </td>
                  <td>{e.by}</td>
                  <td>{e.reason ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        );
      }}
    </Loaded>
  );
}

/**
 * A fact's history across its changes (who proposed, revised, submitted, returned, published),
 * read only when asked for: most reviews do not need it.
 */
export function FactHistory(props: { token: string; type: string; factKey: string }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <details class="desk-history" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('showHistory')}</summary>
      {open ? <History {...props} /> : null}
    </details>
  );
}
