import { useEffect, useRef, useState } from 'preact/hooks';
import { Link, useSearchParams } from 'wouter-preact';
import { useQuery } from '../api/use-query';
import { ModelLink } from '../components/links';
import { Loaded } from '../components/status';
import { enumLabel } from '../i18n/enums';
import { type Lang, useI18n } from '../i18n/lang';
import { keyOf, to } from '../routes';
import { MODELS, type ModelsData, SEARCH, type SearchData, type SearchHit } from './search.query';

/** Where a hit opens: its own page, or (an organisation) the page of its region. */
function hitHref(lang: Lang, hit: SearchHit): string | undefined {
  const key = keyOf(hit.id);
  switch (hit.type) {
    case 'MODEL':
      return to.model(lang, key);
    case 'PRACTICE':
      return to.practice(lang, key);
    case 'REGION':
      return to.region(lang, key);
    case 'PRINCIPLE':
      return to.principle(lang, key);
    case 'ORGANIZATION':
      return hit.node.region ? to.region(lang, hit.node.region.code) : undefined;
  }
}

const DEBOUNCE_MS = 200;

/**
 * The text being searched: typed into the box, kept in `?q=` (replacing the history entry) once
 * typing pauses.
 */
function useSearchText(): [string, string, (text: string) => void] {
  const [params, setParams] = useSearchParams();
  const [text, setText] = useState(params.get('q') ?? '');
  const [settled, setSettled] = useState(text);
  useEffect(() => {
    const timer = setTimeout(() => {
      setSettled(text.trim());
      setParams(
        (p) => {
          const next = new URLSearchParams(p);
          if (text.trim()) next.set('q', text.trim());
          else next.delete('q');
          return next;
        },
        { replace: true },
      );
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text]);
  return [text, settled, setText];
}

function Hits({ text }: { readonly text: string }) {
  const { t, pick, lang } = useI18n();
  const [state, retry] = useQuery<SearchData>(SEARCH, { text }, text === '');
  return (
    <Loaded state={state} retry={retry}>
      {(data) =>
        data.search.length === 0 ? (
          <p class="muted" role="status">
            {t('noResults')}
          </p>
        ) : (
          <ol class="hits" aria-label={t('searchLabel')}>
            {data.search.map((hit) => {
              const target = hitHref(lang, hit);
              const name = pick(hit.name, hit.nameEn);
              return (
                <li key={hit.id} class="hit">
                  <span class={`badge badge-${hit.type.toLowerCase()}`}>
                    {enumLabel(lang, hit.type)}
                  </span>{' '}
                  {target ? <Link href={target}>{name}</Link> : <span>{name}</span>}
                  {lang === 'en' && hit.nameEn ? (
                    <span class="muted" lang="zh">
                      {' '}
                      {hit.name}
                    </span>
                  ) : null}
                  {hit.snippet !== hit.name && hit.snippet !== hit.nameEn ? (
                    <div class="snippet muted">{hit.snippet}</div>
                  ) : null}
                </li>
              );
            })}
          </ol>
        )
      }
    </Loaded>
  );
}

function AllModels() {
  const { t, lang } = useI18n();
  const [state, retry] = useQuery<ModelsData>(MODELS, {});
  return (
    <section>
      <h2>{t('browseModels')}</h2>
      <Loaded state={state} retry={retry}>
        {(data) => (
          <ul class="columns">
            {data.models.edges.map(({ node }) => (
              <li key={node.slug}>
                <ModelLink model={node} /> <span class="muted">{enumLabel(lang, node.kind)}</span>
              </li>
            ))}
          </ul>
        )}
      </Loaded>
    </section>
  );
}

export function SearchPage() {
  const { t } = useI18n();
  const [text, settled, setText] = useSearchText();
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    input.current?.focus();
    // The explorer is usable from here on: the browser tests read this mark as the time to first
    // render.
    performance.mark('zhili:interactive');
  }, []);
  return (
    <section>
      <h1 class="visually-hidden">{t('searchLabel')}</h1>
      <form role="search" class="searchbox" onSubmit={(e) => e.preventDefault()}>
        <label for="q">{t('searchLabel')}</label>
        <input
          id="q"
          ref={input}
          type="search"
          value={text}
          placeholder={t('searchPlaceholder')}
          autocomplete="off"
          onInput={(e) => setText(e.currentTarget.value)}
        />
      </form>
      {settled ? <Hits text={settled} /> : <AllModels />}
    </section>
  );
}
