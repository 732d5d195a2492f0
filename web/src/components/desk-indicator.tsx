import { useState } from 'preact/hooks';
import { DeskError, deskGql, type Problem } from '../api/desk-client';
import { useI18n } from '../i18n/lang';
import { type IndicatorOption, PROPOSE_FACT } from '../pages/review-change.query';
import { byField } from './desk-fact';
import { Field, fieldError } from './desk-field';

interface Props {
  readonly setId: string;
  readonly token: string;
  /** The figure's unit, which the new indicator most likely measures in. */
  readonly unit: string;
  readonly onProposed: (indicator: IndicatorOption) => void;
  readonly onCancel: () => void;
}

interface IndicatorDraft {
  readonly code: string;
  readonly name: string;
  readonly nameEn: string;
  readonly unit: string;
  readonly higherIsBetter: '' | 'true' | 'false';
}

/** A snake_case code from the English name, as seed/indicators.yaml writes codes. */
const codeFrom = (nameEn: string): string =>
  nameEn
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');

async function propose(props: Props, d: IndicatorDraft): Promise<readonly Problem[]> {
  const indicator = {
    code: d.code,
    name: d.name,
    nameEn: d.nameEn,
    unit: d.unit,
    higherIsBetter: d.higherIsBetter === '' ? null : d.higherIsBetter === 'true',
  };
  try {
    await deskGql(props.token, PROPOSE_FACT, {
      input: { type: 'INDICATOR', input: { indicator }, changeSet: props.setId },
    });
    props.onProposed({ code: d.code, name: d.name, nameEn: d.nameEn, unit: d.unit });
    return [];
  } catch (error) {
    if (error instanceof DeskError && error.problems.length) return error.problems;
    return [{ field: 'fact', message: error instanceof Error ? error.message : String(error) }];
  }
}

/**
 * A new indicator proposed into the same change set, for a figure no known indicator fits; it is
 * reviewed and published with the set, before the figures that use it.
 */
export function NewIndicator(props: Props) {
  const { t } = useI18n();
  const [d, setD] = useState<IndicatorDraft>({
    code: '',
    name: '',
    nameEn: '',
    unit: props.unit,
    higherIsBetter: '',
  });
  const [problems, setProblems] = useState<ReadonlyMap<string, string>>(new Map());
  const set = (patch: Partial<IndicatorDraft>) => setD((old) => ({ ...old, ...patch }));
  const submit = async () => setProblems(byField(await propose(props, d)));
  return (
    <fieldset
      class="desk-new-indicator"
      onKeyDown={(e) => {
        // Enter here proposes the indicator, not the figure's form around it.
        if (e.key === 'Enter' && (e.target as HTMLElement).tagName === 'INPUT') {
          e.preventDefault();
          void submit();
        }
      }}
    >
      <legend>{t('newIndicator')}</legend>
      {problems.get('') || problems.get('fact') ? (
        <p class="field-error" role="alert">
          {problems.get('') ?? problems.get('fact')}
        </p>
      ) : null}
      <IndicatorFields d={d} set={set} problems={problems} />
      <div class="desk-actions">
        <button type="button" onClick={() => void submit()}>
          {t('proposeIndicator')}
        </button>
        <button type="button" onClick={props.onCancel}>
          {t('cancel')}
        </button>
      </div>
    </fieldset>
  );
}

/** The new indicator's names, code, unit and direction. */
function IndicatorFields({
  d,
  set,
  problems,
}: {
  readonly d: IndicatorDraft;
  readonly set: (patch: Partial<IndicatorDraft>) => void;
  readonly problems: ReadonlyMap<string, string>;
}) {
  const { t } = useI18n();
  const text = (field: 'code' | 'name' | 'nameEn' | 'unit', label: string) => (
    <Field id={`new-indicator-${field}`} label={label} problem={problems.get(field)}>
      <input
        id={`new-indicator-${field}`}
        type="text"
        value={d[field]}
        onInput={(e) => {
          const value = e.currentTarget.value;
          // The code follows the English name until the editor types one of their own.
          const follows = field === 'nameEn' && (d.code === '' || d.code === codeFrom(d.nameEn));
          set(follows ? { nameEn: value, code: codeFrom(value) } : { [field]: value });
        }}
        {...fieldError(`new-indicator-${field}`, problems.get(field))}
      />
    </Field>
  );
  return (
    <div class="desk-row">
      {text('name', t('nameZh'))}
      {text('nameEn', t('nameEnLabel'))}
      {text('code', t('code'))}
      {text('unit', t('unit'))}
      <Field id="new-indicator-hib" label={t('higherIsBetter')} problem={undefined}>
        <select
          id="new-indicator-hib"
          value={d.higherIsBetter}
          onChange={(e) =>
            set({ higherIsBetter: e.currentTarget.value as IndicatorDraft['higherIsBetter'] })
          }
        >
          <option value="">{t('neutral')}</option>
          <option value="true">{t('yes')}</option>
          <option value="false">{t('no')}</option>
        </select>
      </Field>
    </div>
  );
}
