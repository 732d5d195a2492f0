import { useEffect, useMemo, useState } from 'preact/hooks';
import { Link } from 'wouter-preact';
import { useDeskQuery } from '../api/use-desk-query';
import { useQuery } from '../api/use-query';
import { ChangeDetail } from '../components/desk-change';
import { ChangeList } from '../components/desk-changes';
import { locate } from '../components/desk-locate';
import { CountsLine, DrafterNotes, SetActions } from '../components/desk-set-parts';
import { DeskSource } from '../components/desk-source';
import { Loaded, NotFound } from '../components/status';
import { enumLabel } from '../i18n/enums';
import { useI18n } from '../i18n/lang';
import { to } from '../routes';
import { type IndicatorOption, INDICATORS, type IndicatorsData } from './review-change.query';
import { CHANGE_SET, type ChangeSetData, type ChangeSetDetail, type Role } from './review.query';

const typing = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/** j / k (next / previous change) anywhere on the page but in a field being typed into. */
function useChangeKeys(
  ids: readonly string[],
  selected: string | undefined,
  select: (id: string) => void,
) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return;
      const step = e.key === 'j' ? 1 : e.key === 'k' ? -1 : 0;
      if (!step) return;
      const next = ids[Math.max(0, Math.min(ids.length - 1, ids.indexOf(selected ?? '') + step))];
      if (next) {
        e.preventDefault();
        select(next);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [ids.join(), selected]);
}

/**
 * The indicators a figure may use: the published ones, and those proposed in this set (not public
 * until the set is published).
 */
function useIndicators(set: ChangeSetDetail): readonly IndicatorOption[] {
  const [state] = useQuery<IndicatorsData>(INDICATORS, {});
  const published = useMemo(
    () =>
      state.status === 'done'
        ? state.data.indicators.map((i) => ({ ...i, unit: i.unit.code }))
        : [],
    [state],
  );
  return useMemo(() => {
    const proposed = set.changes
      .filter((c) => c.factType === 'INDICATOR' && c.fact && c.status !== 'WITHDRAWN')
      .map((c) => c.fact as unknown as IndicatorOption);
    const known = new Set(published.map((i) => i.code));
    return [...proposed.filter((i) => !known.has(i.code)), ...published];
  }, [published, set]);
}

function ChangeSetView(props: {
  readonly set: ChangeSetDetail;
  readonly token: string;
  readonly role: Role;
  readonly reload: () => void;
}) {
  const { t, lang } = useI18n();
  const { set } = props;
  const [selected, setSelected] = useState<string | undefined>(set.changes[0]?.id);
  const change = set.changes.find((c) => c.id === selected);
  const indicators = useIndicators(set);
  useChangeKeys(
    set.changes.map((c) => c.id),
    selected,
    setSelected,
  );
  const at = set.sourceText && change ? locate(set.sourceText, change.fact) : undefined;
  const quoted = !!change?.fact && (Array.isArray(change.fact.citations) || !!change.fact.reported);
  return (
    <article class="desk-set">
      <p>
        <Link href={to.review(lang)}>{t('backToSets')}</Link>
      </p>
      <h2 lang="zh" class="desk-set-title">
        {set.title}
      </h2>
      <p>
        <span class={`desk-status desk-status-${set.status.toLowerCase()}`}>
          {enumLabel(lang, set.status)}
        </span>{' '}
        <CountsLine counts={set.counts} />{' '}
        <span class="muted">
          · {t('createdBy')} {set.createdBy} · {set.createdAt.slice(0, 10)}
        </span>
      </p>
      <SetActions set={set} token={props.token} role={props.role} reload={props.reload} />
      <DrafterNotes notes={set.notes} />
      <div class="desk-columns">
        <section class="desk-source" aria-label={t('sourceText')}>
          <DeskSource text={set.sourceText} at={at} missing={quoted && !at} />
        </section>
        <section class="desk-side" aria-label={t('changes')}>
          <p class="muted">{t('keysHelp')}</p>
          <ChangeList changes={set.changes} selected={selected} onSelect={setSelected} />
          {change ? (
            <ChangeDetail
              key={change.id}
              change={change}
              setId={set.id}
              indicators={indicators}
              {...props}
            />
          ) : null}
        </section>
      </div>
    </article>
  );
}

/** One change set, read with the key; read again after every step taken on it. */
export function ChangeSetPage(props: {
  readonly id: string;
  readonly token: string;
  readonly role: Role;
}) {
  const [state, reload] = useDeskQuery<ChangeSetData>(props.token, CHANGE_SET, { id: props.id });
  return (
    <Loaded state={state} retry={reload}>
      {(data) =>
        data.changeSet ? (
          <ChangeSetView
            set={data.changeSet}
            token={props.token}
            role={props.role}
            reload={reload}
          />
        ) : (
          <NotFound what={props.id} />
        )
      }
    </Loaded>
  );
}
