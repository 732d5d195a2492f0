import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { Link, Route, Switch, useLocation, useSearchParams } from 'wouter-preact';
import { NotFound } from './components/status';
import { rememberLang, useI18n } from './i18n/lang';
import { ChartPage } from './pages/chart';
import { ComparePage } from './pages/compare';
import { ModelPage } from './pages/model';
import { PracticePage } from './pages/practice';
import { PrinciplePage } from './pages/principle';
import { RegionPage } from './pages/region';
import { SearchPage } from './pages/search';
import { SourcePage } from './pages/source';
import { to } from './routes';

/**
 * Switches zh/en in place: the same page, `?lang=` changed, the choice remembered for next time.
 */
function LangSwitch() {
  const { t, lang } = useI18n();
  const [, setParams] = useSearchParams();
  const other = lang === 'en' ? 'zh' : 'en';
  return (
    <button
      type="button"
      class="lang"
      lang={other}
      onClick={() => {
        rememberLang(other);
        setParams((p) => {
          const next = new URLSearchParams(p);
          next.set('lang', other);
          return next;
        });
      }}
    >
      {t('switchLang')}
    </button>
  );
}

/**
 * The review desk, fetched when first opened: readers of the public explorer never download the
 * editors' code.
 */
function ReviewRoute() {
  const { t } = useI18n();
  const [Page, setPage] = useState<ComponentType | null>(null);
  useEffect(() => {
    void import('./pages/review').then((m) => setPage(() => m.ReviewPage));
  }, []);
  return Page ? (
    <Page />
  ) : (
    <p class="muted" role="status">
      {t('loading')}
    </p>
  );
}

function Header() {
  const { t, lang } = useI18n();
  return (
    <header class="top">
      <Link href={to.search(lang)} class="brand">
        {t('appName')}
      </Link>
      <nav aria-label="main">
        <Link href={to.compare(lang, [])}>{t('compare')}</Link>
        <Link href={to.chart(lang)}>{t('chart')}</Link>
        <Link href={to.review(lang)}>{t('review')}</Link>
        <a href="/graphql">{t('ide')}</a>
      </nav>
      <LangSwitch />
    </header>
  );
}

export function App() {
  const { lang, t } = useI18n();
  const [location] = useLocation();
  useEffect(() => {
    document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
    document.title = t('appName');
  }, [lang]);
  useEffect(() => window.scrollTo(0, 0), [location]);
  return (
    <>
      <Header />
      <main id="main">
        <Switch>
          <Route path="/" component={SearchPage} />
          <Route path="/search" component={SearchPage} />
          <Route path="/model/:slug">
            {(p: { slug: string }) => <ModelPage key={p.slug} slug={p.slug} />}
          </Route>
          <Route path="/region/:code">
            {(p: { code: string }) => <RegionPage key={p.code} code={p.code} />}
          </Route>
          <Route path="/practice/:key">
            {(p: { key: string }) => <PracticePage key={p.key} pkey={p.key} />}
          </Route>
          <Route path="/principle/:slug">
            {(p: { slug: string }) => <PrinciplePage key={p.slug} slug={p.slug} />}
          </Route>
          <Route path="/source/:key">
            {(p: { key: string }) => <SourcePage key={p.key} skey={p.key} />}
          </Route>
          <Route path="/compare" component={ComparePage} />
          <Route path="/chart" component={ChartPage} />
          <Route path="/review" component={ReviewRoute} />
          <Route>
            <NotFound what={location} />
          </Route>
        </Switch>
      </main>
      <footer class="muted">{t('tagline')}</footer>
    </>
  );
}
