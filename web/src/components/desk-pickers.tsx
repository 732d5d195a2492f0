import { gql } from '../api/client';
import { ENDPOINT, useQuery } from '../api/use-query';
import { type I18n, useI18n } from '../i18n/lang';
import {
  type IndicatorOption,
  REGION_NAME,
  REGION_SEARCH,
  type RegionNameData,
  type RegionOption,
  type RegionSearchData,
} from '../pages/review-change.query';
import { DeskCombobox, type Option } from './desk-combobox';

interface FieldProps {
  readonly id: string;
  readonly label: string;
  readonly describedBy?: string;
  readonly invalid?: boolean;
}

const regionOption = ({ pick }: I18n, r: RegionOption): Option => ({
  key: r.code ?? r.id,
  label: pick(r.name, r.nameEn),
  detail: `${pick(r.path ?? '', r.pathEn)} · ${r.code ?? ''}`,
});

/**
 * The region of a fact, found by name with the explorer's national search (places only): each
 * candidate shows its path (云南省 › 昆明市 › 五华区), so namesakes are told apart before one
 * is picked. Search and the region's name are public reads, cacheable like the explorer's.
 */
export function RegionPicker(
  props: FieldProps & { readonly code: string; readonly onPick: (code: string) => void },
) {
  const i18n = useI18n();
  const [named] = useQuery<RegionNameData>(REGION_NAME, { code: props.code }, !props.code);
  const region = named.status === 'done' ? named.data.region : null;
  const display = region
    ? [...region.ancestors, region].map((r) => i18n.pick(r.name, r.nameEn)).join(' › ')
    : props.code;
  const find = async (text: string) =>
    (await gql<RegionSearchData>(ENDPOINT, REGION_SEARCH, { text })).search
      .filter((r) => r.code)
      .map((r) => regionOption(i18n, r));
  return (
    <DeskCombobox
      {...props}
      display={display}
      placeholder={i18n.t('regionSearch')}
      empty={i18n.t('noCandidates')}
      find={find}
      onPick={(o) => props.onPick(o.key)}
    />
  );
}

/** Indicators match on their code and either name, ignoring case. */
function matches(indicator: IndicatorOption, text: string): boolean {
  const needle = text.toLowerCase();
  return [indicator.code, indicator.name, indicator.nameEn ?? ''].some((s) =>
    s.toLowerCase().includes(needle),
  );
}

/**
 * The indicator of a figure, picked among the published ones and those proposed in this change
 * set (which are not public yet); picking one also gives the figure its unit.
 */
export function IndicatorPicker(
  props: FieldProps & {
    readonly code: string;
    readonly indicators: readonly IndicatorOption[];
    readonly onPick: (indicator: IndicatorOption) => void;
  },
) {
  const { t, pick } = useI18n();
  const current = props.indicators.find((i) => i.code === props.code);
  const find = (text: string) =>
    Promise.resolve(
      props.indicators
        .filter((i) => matches(i, text))
        .slice(0, 12)
        .map((i) => ({
          key: i.code,
          label: pick(i.name, i.nameEn),
          detail: `${i.code} · ${i.unit}`,
        })),
    );
  return (
    <DeskCombobox
      {...props}
      display={current ? pick(current.name, current.nameEn) : props.code}
      placeholder={t('indicatorSearch')}
      empty={t('noResults')}
      find={find}
      onPick={(o) => {
        const chosen = props.indicators.find((i) => i.code === o.key);
        if (chosen) props.onPick(chosen);
      }}
    />
  );
}
