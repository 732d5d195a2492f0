import { Link } from 'wouter-preact';
import type { CitationData, ProvenanceData } from '../api/fragments';
import { useI18n } from '../i18n/lang';
import { to } from '../routes';

/**
 * A fact's quotes, on demand: each with its offset, its source, and a link to it highlighted in the
 * source.
 */
export function Citations({ citations }: { readonly citations: readonly CitationData[] }) {
  const { t, pick, lang } = useI18n();
  if (citations.length === 0) return null;
  return (
    <details class="quotes">
      <summary>
        {t('showQuote')} ({citations.length})
      </summary>
      {citations.map((c) => (
        <figure key={c.id} class="quote">
          <blockquote lang="zh">{c.quote}</blockquote>
          <figcaption>
            {pick(c.source.title, c.source.titleEn)} · {t('offset')} {c.offset} ·{' '}
            <Link href={to.source(lang, c.source.key, c.offset, c.length)}>
              {t('openInSource')}
            </Link>
          </figcaption>
        </figure>
      ))}
    </details>
  );
}

/** Why a fact is in the graph: its quotes, or the editorial basis where no source states it. */
export function Provenance({ provenance }: { readonly provenance: ProvenanceData }) {
  const { t } = useI18n();
  return (
    <>
      {provenance.editorial ? (
        <p class="editorial">
          <span class="badge badge-editorial">{t('editorial')}</span>{' '}
          {provenance.basis ? `${t('basis')}: ${provenance.basis}` : null}
        </p>
      ) : null}
      <Citations citations={provenance.citations} />
    </>
  );
}
