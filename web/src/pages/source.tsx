import { useEffect, useRef } from 'preact/hooks';
import { useSearchParams } from 'wouter-preact';
import { useQuery } from '../api/use-query';
import { Loaded, NotFound } from '../components/status';
import { enumLabel } from '../i18n/enums';
import { useI18n } from '../i18n/lang';
import { SOURCE, type SourceData, splitAt } from './source.query';

function Source({
  source,
  offset,
  length,
}: {
  readonly source: NonNullable<SourceData['node']>;
  readonly offset?: number;
  readonly length?: number;
}) {
  const { t, pick, lang } = useI18n();
  const mark = useRef<HTMLElement>(null);
  useEffect(() => {
    // The quote in view, and focused so a keyboard or screen reader starts there.
    mark.current?.scrollIntoView({ block: 'center' });
    mark.current?.focus({ preventScroll: true });
  }, [source.key, offset, length]);
  const highlighted = offset !== undefined && length !== undefined && length > 0;
  const [before, quote, after] = highlighted
    ? splitAt(source.text, offset, length)
    : [source.text, '', ''];
  return (
    <article>
      <p class="muted">{t('sourceText')}</p>
      <h1 lang={source.titleEn && lang === 'en' ? 'en' : 'zh'}>
        {pick(source.title, source.titleEn)}
      </h1>
      <p class="muted">
        {[
          source.author,
          source.publisher,
          source.originalPublisher,
          source.published?.slice(0, 10),
          enumLabel(lang, source.kind),
        ]
          .filter(Boolean)
          .join(' · ')}
        {source.url ? (
          <>
            {' · '}
            <a href={source.url}>{source.url}</a>
          </>
        ) : null}
      </p>
      {highlighted ? (
        <p class="muted">
          {t('offset')} {offset}
        </p>
      ) : null}
      <div class="source-text" lang="zh">
        {before}
        {highlighted ? (
          <mark ref={mark} id="quote" tabIndex={-1}>
            {quote}
          </mark>
        ) : null}
        {after}
      </div>
    </article>
  );
}

const asNumber = (value: string | null): number | undefined =>
  value !== null && /^\d+$/.test(value) ? Number(value) : undefined;

export function SourcePage({ skey }: { readonly skey: string }) {
  const [params] = useSearchParams();
  const [state, retry] = useQuery<SourceData>(SOURCE, { id: `Source:${skey}` });
  return (
    <Loaded state={state} retry={retry}>
      {(data) =>
        data.node ? (
          <Source
            source={data.node}
            offset={asNumber(params.get('o'))}
            length={asNumber(params.get('l'))}
          />
        ) : (
          <NotFound what={skey} />
        )
      }
    </Loaded>
  );
}
