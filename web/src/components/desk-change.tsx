import { useState } from 'preact/hooks';
import { enumLabel } from '../i18n/enums';
import { type Lang, useI18n } from '../i18n/lang';
import type { MessageKey } from '../i18n/messages';
import type { IndicatorOption } from '../pages/review-change.query';
import type { ChangeData, Role } from '../pages/review.query';
import { ChangeActions } from './desk-actions';
import { changeLabel } from './desk-changes';
import { FactHistory } from './desk-history';
import { ObservationForm } from './desk-observation';

interface Props {
  readonly change: ChangeData;
  readonly setId: string;
  readonly token: string;
  readonly role: Role;
  readonly indicators: readonly IndicatorOption[];
  readonly reload: () => void;
}

/** The fields an editor checks first, by kind of fact; the whole fact is one click away. */
const SHOWN: Readonly<Record<string, readonly string[]>> = {
  OBSERVATION: ['indicator', 'value', 'unit', 'qualifier', 'time', 'period', 'region', 'reported'],
  INDICATOR: ['code', 'name', 'nameEn', 'unit', 'higherIsBetter'],
  UNIT: ['code', 'name', 'nameEn', 'kind'],
  SOURCE: ['id', 'title', 'publisher', 'published', 'kind'],
};

/** Field names the explorer already has words for; the others are the seed format's own. */
const FIELD_LABELS: Readonly<Record<string, MessageKey>> = {
  indicator: 'indicator',
  value: 'value',
  unit: 'unit',
  time: 'time',
  period: 'period',
  region: 'region',
  reported: 'reported',
  title: 'source',
  name: 'nameZh',
  nameEn: 'nameEnLabel',
  code: 'code',
  higherIsBetter: 'higherIsBetter',
  published: 'published',
  publisher: 'publisher',
  kind: 'kind',
};

/** A field's value in words: kinds of time by their name, the rest as written. */
const shown = (lang: Lang, field: string, value: unknown): string =>
  field === 'time' && typeof value === 'string' ? enumLabel(lang, value) : String(value);

function FactSummary({ change }: { readonly change: ChangeData }) {
  const { t, lang } = useI18n();
  const fact = change.fact ?? {};
  const fields = SHOWN[change.factType] ?? Object.keys(fact).slice(0, 8);
  return (
    <>
      <dl class="desk-fact">
        {fields
          .filter((f) => fact[f] !== undefined && fact[f] !== null)
          .map((f) => (
            <div key={f}>
              <dt>{FIELD_LABELS[f] ? t(FIELD_LABELS[f]) : f}</dt>
              <dd lang="zh">{shown(lang, f, fact[f])}</dd>
            </div>
          ))}
      </dl>
      <details>
        <summary>{t('more')}</summary>
        <pre class="desk-json">{JSON.stringify(fact, null, 2)}</pre>
      </details>
    </>
  );
}

/** How sure the drafter was and why; why it was returned or withdrawn. */
function Why({ change }: { readonly change: ChangeData }) {
  const { t } = useI18n();
  return (
    <dl class="desk-why">
      {change.confidence !== null ? (
        <div>
          <dt>{t('confidence')}</dt>
          <dd>{change.confidence.toFixed(2)}</dd>
        </div>
      ) : null}
      {change.draftReason ? (
        <div>
          <dt>{t('draftReason')}</dt>
          <dd>{change.draftReason}</dd>
        </div>
      ) : null}
      {change.reason ? (
        <div>
          <dt>{t('reason')}</dt>
          <dd>{change.reason}</dd>
        </div>
      ) : null}
    </dl>
  );
}

/**
 * The selected change: where it stands, how sure the drafter was and why, its fact (edited in
 * place when it is an observation still in draft), the steps it allows, and its fact's history.
 */
export function ChangeDetail(props: Props) {
  const { t, lang } = useI18n();
  const { change } = props;
  const [editing, setEditing] = useState(false);
  const editable = change.factType === 'OBSERVATION' && change.status === 'DRAFT';
  return (
    <section class="desk-detail" aria-labelledby="desk-detail-title">
      <h3 id="desk-detail-title" lang="zh">
        {changeLabel(change)}
      </h3>
      <p>
        <span class="badge">{enumLabel(lang, change.factType)}</span>{' '}
        <span class={`desk-status desk-status-${change.status.toLowerCase()}`}>
          {enumLabel(lang, change.status)}
        </span>{' '}
        <span class="muted">
          {enumLabel(lang, change.operation)} · {change.factKey}
        </span>
      </p>
      <Why change={change} />
      {editing && editable ? (
        <ObservationForm
          key={`${change.id}-${change.version}`}
          change={change}
          setId={props.setId}
          token={props.token}
          indicators={props.indicators}
          onSaved={() => {
            setEditing(false);
            props.reload();
          }}
          onProposed={props.reload}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <>
          <FactSummary change={change} />
          {editable ? (
            <button type="button" onClick={() => setEditing(true)}>
              {t('edit')}
            </button>
          ) : null}
        </>
      )}
      <ChangeActions change={change} token={props.token} role={props.role} onDone={props.reload} />
      <FactHistory
        key={`${change.id}-${change.version}`}
        token={props.token}
        type={change.factType}
        factKey={change.factKey}
      />
    </section>
  );
}
