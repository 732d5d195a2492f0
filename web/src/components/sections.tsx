import type { Connection, FigureData, ModelRef, RegionRef } from '../api/fragments';
import { enumLabel } from '../i18n/enums';
import { useI18n } from '../i18n/lang';
import { FiguresTable } from './figures-table';
import { ModelLink, PracticeLink, RegionLink } from './links';

/**
 * The sections several pages share: the models, practices and figures of what the page is about.
 */

export function ModelsSection({ models }: { readonly models: readonly ModelRef[] }) {
  const { t } = useI18n();
  return (
    <section>
      <h2>{t('models')}</h2>
      <ul class="chips">
        {models.map((m) => (
          <li key={m.slug} class="chip">
            <ModelLink model={m} />
          </li>
        ))}
      </ul>
    </section>
  );
}

export interface PracticeItem {
  readonly key: string;
  readonly name: string;
  readonly nameEn: string | null;
  readonly status: string;
  readonly category: string;
  readonly region: RegionRef;
}

export function PracticesSection({ practices }: { readonly practices: Connection<PracticeItem> }) {
  const { t, lang } = useI18n();
  return (
    <section>
      <h2>
        {t('practices')} ({practices.totalCount})
      </h2>
      <ul>
        {practices.edges.map(({ node }) => (
          <li key={node.key}>
            <PracticeLink practice={node} /> · <RegionLink region={node.region} />{' '}
            <span class="muted">
              {enumLabel(lang, node.category)} · {enumLabel(lang, node.status)}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function FiguresSection({
  figures,
  showRegion = true,
}: {
  readonly figures: Connection<FigureData>;
  readonly showRegion?: boolean;
}) {
  const { t } = useI18n();
  return (
    <section>
      <h2>
        {t('figures')} ({figures.totalCount})
      </h2>
      <FiguresTable figures={figures.edges.map((e) => e.node)} showRegion={showRegion} />
    </section>
  );
}
