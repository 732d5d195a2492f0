import { enumLabel } from '../i18n/enums';
import { useI18n } from '../i18n/lang';
import type { AdoptionData } from '../pages/model.query';
import { PracticeLink, RegionLink } from './links';

/**
 * Adoptions along time: dated ones by start (the API gives them first, in order), then the undated.
 */
export function AdoptersTimeline({ adopters }: { readonly adopters: readonly AdoptionData[] }) {
  const { t, lang } = useI18n();
  if (adopters.length === 0) return <p class="muted">{t('none')}</p>;
  return (
    <ol class="timeline">
      {adopters.map((a, i) => (
        <li key={i}>
          <span class="year">{a.started?.value ?? t('undated')}</span>
          <RegionLink region={a.region} /> · <PracticeLink practice={a.practice} />{' '}
          <span class="badge badge-practice">{enumLabel(lang, a.status)}</span>
        </li>
      ))}
    </ol>
  );
}
