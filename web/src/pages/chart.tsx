import { useSearchParams } from 'wouter-preact';
import { useQuery } from '../api/use-query';
import { periodText } from '../components/figures-table';
import { countyOf, IndicatorChart } from '../components/indicator-chart';
import { RegionLink } from '../components/links';
import { Citations } from '../components/quote';
import { Loaded } from '../components/status';
import { useI18n } from '../i18n/lang';
import { markComparable } from './chart-compare';
import { type CityIndicator, useCityIndicators } from './chart-indicators';
import { CHART, type ChartData, CITIES, type CitiesData } from './chart.query';

/** Kunming and its most reported indicator: the chart a first visit shows. */
const DEFAULT_CITY = '5301';

interface PickerProps {
  readonly city: string;
  readonly indicator: string;
  readonly indicators: readonly CityIndicator[] | undefined;
  readonly set: (name: string, value: string) => void;
}

function Pickers({ city, indicator, indicators, set }: PickerProps) {
  const { t, pick } = useI18n();
  const [cities, retry] = useQuery<CitiesData>(CITIES, {});
  return (
    <div class="picker">
      <Loaded state={cities} retry={retry}>
        {(data) => (
          <label>
            {t('city')}{' '}
            <select value={city} onChange={(e) => set('region', e.currentTarget.value)}>
              {data.regions.edges.map(({ node }) => (
                <option key={node.code} value={node.code}>
                  {pick(node.name, node.nameEn)}
                </option>
              ))}
            </select>
          </label>
        )}
      </Loaded>
      <label>
        {t('indicator')}{' '}
        <select
          value={indicator}
          onChange={(e) => set('indicator', e.currentTarget.value)}
          disabled={!indicators}
        >
          {(indicators ?? []).map((i) => (
            <option key={i.code} value={i.code}>
              {pick(i.name, i.nameEn)} ({i.counties})
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}

function Figures({ data }: { readonly data: ChartData }) {
  const { t, pick, lang } = useI18n();
  const marked = markComparable(data.observations.edges.map((e) => e.node));
  const title = data.indicator ? pick(data.indicator.name, data.indicator.nameEn) : '';
  const unit = data.indicator ? pick(data.indicator.unit.name, data.indicator.unit.nameEn) : '';
  if (marked.length === 0) return <p class="muted">{t('none')}</p>;
  return (
    <>
      <h2>{title}</h2>
      <IndicatorChart marked={marked} unit={unit} title={title} />
      <p class="muted">{t('chartNote')}</p>
      <table class="figures">
        <caption class="visually-hidden">{t('countyFigures')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('region')}</th>
            <th scope="col">{t('value')}</th>
            <th scope="col">{t('period')}</th>
            <th scope="col">{t('comparable')}</th>
            <th scope="col">{t('quote')}</th>
          </tr>
        </thead>
        <tbody>
          {marked.map(({ figure: f, comparable, differs }) => (
            <tr key={f.key} class={comparable ? undefined : 'noncomparable'}>
              <td>
                <RegionLink region={countyOf(f)} />
                {countyOf(f).code !== f.region.code ? (
                  <>
                    {' '}
                    · <RegionLink region={f.region} />
                  </>
                ) : null}
              </td>
              <td>
                <span class="num">{f.value}</span> {f.unit}{' '}
                <span class="muted" lang="zh">
                  {f.reported}
                </span>
              </td>
              <td>{periodText(lang, f)}</td>
              <td>
                {comparable
                  ? t('comparable')
                  : `${t('notComparable')}: ${t('differsFrom')} (${differs.join(', ')})`}
              </td>
              <td>
                <Citations citations={f.citations} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

export function ChartPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const city = params.get('region') || DEFAULT_CITY;
  const indicators = useCityIndicators(city);
  const indicator = params.get('indicator') || indicators?.[0]?.code || '';
  const [state, retry] = useQuery<ChartData>(CHART, { city, indicator }, indicator === '');
  const set = (name: string, value: string) =>
    setParams((p) => {
      const next = new URLSearchParams(p);
      next.set(name, value);
      if (name === 'region') next.delete('indicator');
      return next;
    });
  return (
    <article>
      <h1>{t('chartTitle')}</h1>
      <Pickers city={city} indicator={indicator} indicators={indicators} set={set} />
      <Loaded state={state} retry={retry}>
        {(data) => <Figures data={data} />}
      </Loaded>
    </article>
  );
}
