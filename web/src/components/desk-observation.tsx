import { useState } from 'preact/hooks';
import { DeskError, deskGql, type Problem } from '../api/desk-client';
import { enumLabel } from '../i18n/enums';
import { useI18n } from '../i18n/lang';
import { type IndicatorOption, REVISE_CHANGE } from '../pages/review-change.query';
import type { ChangeData } from '../pages/review.query';
import {
  applyDraft,
  byField,
  draftOf,
  type ObservationDraft,
  observationInput,
  PERIOD_KINDS,
} from './desk-fact';
import { Field, fieldError, FieldProblem } from './desk-field';
import { NewIndicator } from './desk-indicator';
import { IndicatorPicker, RegionPicker } from './desk-pickers';

interface Props {
  readonly change: ChangeData;
  readonly setId: string;
  readonly token: string;
  readonly indicators: readonly IndicatorOption[];
  /** After a save: the form closes and the change set is read again. */
  readonly onSaved: () => void;
  /** After a new indicator was proposed into the set: the set is read again, the form stays. */
  readonly onProposed: () => void;
  readonly onCancel: () => void;
}

/** Sends the revised fact; resolves with the problems the API named (none when it took it). */
async function revise(token: string, change: ChangeData, fact: ChangeData['fact']) {
  try {
    await deskGql(token, REVISE_CHANGE, {
      id: change.id,
      version: change.version,
      input: { observation: observationInput(fact ?? {}) },
    });
    return [];
  } catch (error) {
    if (error instanceof DeskError && error.problems.length) return [...error.problems];
    const message = error instanceof Error ? error.message : String(error);
    return [{ field: 'fact', message }];
  }
}

/** The form's state: the draft, its problems, and the save that checks and sends it. */
function useObservationForm(props: Props) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<ObservationDraft>(() => draftOf(props.change.fact ?? {}));
  const [problems, setProblems] = useState<readonly Problem[]>([]);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<ObservationDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    // A field's problem goes once the editor changes it: what is left marked still needs work.
    setProblems((ps) => ps.filter((p) => !(p.field.replace(/^fact\./, '') in patch)));
  };
  const save = async () => {
    const applied = applyDraft(props.change.fact ?? {}, draft, t('notANumber'));
    if (applied.problems.length) return setProblems(applied.problems);
    setBusy(true);
    const refused = await revise(props.token, props.change, applied.fact);
    setBusy(false);
    setProblems(refused);
    if (refused.length === 0) props.onSaved();
  };
  return { draft, set, problems: byField(problems), busy, save };
}

/**
 * An observation edited in place: value, unit, kind of time, period, region and indicator. What
 * the API refuses comes back by field (`fact.value`) and is shown at that field.
 */
export function ObservationForm(props: Props) {
  const { t } = useI18n();
  const { draft, set, problems, busy, save } = useObservationForm(props);
  const id = (field: string) => `obs-${props.change.id}-${field}`;
  return (
    <form
      class="desk-form"
      aria-label={t('edit')}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <ProblemSummary problems={problems} />
      <ValueFields draft={draft} set={set} problems={problems} id={id} />
      <PickerFields {...props} draft={draft} set={set} problems={problems} id={id} />
      <div class="desk-actions">
        <button type="submit" disabled={busy}>
          {t('save')}
        </button>
        <button type="button" onClick={props.onCancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}

/** The region and indicator pickers, and the proposal of a new indicator. */
function PickerFields(props: Props & FieldsProps) {
  const { t } = useI18n();
  const { draft, set, problems, id } = props;
  const [proposing, setProposing] = useState(false);
  const takeIndicator = (i: IndicatorOption) => set({ indicator: i.code, unit: i.unit });
  return (
    <>
      <RegionPicker
        id={id('region')}
        label={t('region')}
        code={draft.region}
        onPick={(region) => set({ region })}
        describedBy={problems.has('region') ? `${id('region')}-error` : undefined}
        invalid={problems.has('region')}
      />
      <FieldProblem id={id('region')} problem={problems.get('region')} />
      <IndicatorPicker
        id={id('indicator')}
        label={t('indicator')}
        code={draft.indicator}
        indicators={props.indicators}
        onPick={takeIndicator}
        describedBy={problems.has('indicator') ? `${id('indicator')}-error` : undefined}
        invalid={problems.has('indicator')}
      />
      <FieldProblem id={id('indicator')} problem={problems.get('indicator')} />
      {proposing ? (
        <NewIndicator
          setId={props.setId}
          token={props.token}
          unit={draft.unit}
          onProposed={(i) => {
            takeIndicator(i);
            setProposing(false);
            props.onProposed();
          }}
          onCancel={() => setProposing(false)}
        />
      ) : (
        <button type="button" onClick={() => setProposing(true)}>
          {t('proposeIndicator')}
        </button>
      )}
    </>
  );
}

interface FieldsProps {
  readonly draft: ObservationDraft;
  readonly set: (patch: Partial<ObservationDraft>) => void;
  readonly problems: ReadonlyMap<string, string>;
  readonly id: (field: string) => string;
}

const FORM_FIELDS = new Set(['value', 'unit', 'time', 'period', 'region', 'indicator']);

/** That the form was refused, and the problems of fields it has no input for (a quote …). */
function ProblemSummary({ problems }: { readonly problems: ReadonlyMap<string, string> }) {
  const { t } = useI18n();
  const other = [...problems].filter(([field]) => !FORM_FIELDS.has(field));
  if (problems.size === 0) return null;
  return (
    <div class="error" role="alert">
      <p>{t('fixProblems')}</p>
      {other.length ? (
        <ul>
          {other.map(([field, message]) => (
            <li key={field}>
              <code>{field}</code> {message}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** Value, unit, kind of time and period. */
function ValueFields({ draft, set, problems, id }: FieldsProps) {
  const { t, lang } = useI18n();
  return (
    <div class="desk-row">
      <Field id={id('value')} label={t('value')} problem={problems.get('value')}>
        <input
          id={id('value')}
          type="text"
          inputMode="decimal"
          value={draft.value}
          onInput={(e) => set({ value: e.currentTarget.value })}
          {...fieldError(id('value'), problems.get('value'))}
        />
      </Field>
      <Field id={id('unit')} label={t('unit')} problem={problems.get('unit')}>
        <input
          id={id('unit')}
          type="text"
          value={draft.unit}
          onInput={(e) => set({ unit: e.currentTarget.value })}
          {...fieldError(id('unit'), problems.get('unit'))}
        />
      </Field>
      <Field id={id('time')} label={t('time')} problem={problems.get('time')}>
        <select
          id={id('time')}
          value={draft.time}
          onChange={(e) => set({ time: e.currentTarget.value })}
          {...fieldError(id('time'), problems.get('time'))}
        >
          {PERIOD_KINDS.map((k) => (
            <option key={k} value={k}>
              {enumLabel(lang, k)}
            </option>
          ))}
        </select>
      </Field>
      <Field id={id('period')} label={t('period')} problem={problems.get('period')}>
        <input
          id={id('period')}
          type="text"
          value={draft.period}
          disabled={draft.time === 'UNDATED'}
          onInput={(e) => set({ period: e.currentTarget.value })}
          {...fieldError(id('period'), problems.get('period'))}
        />
      </Field>
    </div>
  );
}
