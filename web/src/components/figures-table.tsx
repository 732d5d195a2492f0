import type { FigureData } from '../api/fragments';
import { enumLabel } from '../i18n/enums';
import { useI18n } from '../i18n/lang';
import { RegionLink } from './links';
import { Citations } from './quote';

/** A period as written (2020, 2020-01/2020-06), or the kind of time when the figure has none. */
export function periodText(
  lang: 'zh' | 'en',
  figure: Pick<FigureData, 'period' | 'periodKind'>,
): string {
  return figure.period
    ? `${figure.period}${figure.periodKind === 'YEAR' ? '' : ` (${enumLabel(lang, figure.periodKind)})`}`
    : enumLabel(lang, figure.periodKind);
}

/** Figures with indicator, value as reported, period, region, and their quotes on demand. */
export function FiguresTable({
  figures,
  showRegion = true,
}: {
  readonly figures: readonly FigureData[];
  readonly showRegion?: boolean;
}) {
  const { t, pick, lang } = useI18n();
  if (figures.length === 0) return <p class="muted">{t('none')}</p>;
  return (
    <table class="figures">
      <thead>
        <tr>
          <th scope="col">{t('indicator')}</th>
          <th scope="col">{t('value')}</th>
          <th scope="col">{t('period')}</th>
          {showRegion ? <th scope="col">{t('region')}</th> : null}
          <th scope="col">{t('quote')}</th>
        </tr>
      </thead>
      <tbody>
        {figures.map((f) => (
          <tr key={f.key}>
            <td>{pick(f.indicator.name, f.indicator.nameEn)}</td>
            <td>
              <span class="num">{f.value}</span> {f.unit}{' '}
              <span class="muted" lang="zh">
                {f.reported}
              </span>
            </td>
            <td>{periodText(lang, f)}</td>
            {showRegion ? (
              <td>
                <RegionLink region={f.region} />
              </td>
            ) : null}
            <td>
              <Citations citations={f.citations} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
