import type { Lang } from './i18n/lang';

type Params = Readonly<Record<string, string | number | undefined>>;

/**
 * A shareable explorer URL: the path, its parameters, and the language unless it is the default.
 */
export function href(lang: Lang, path: string, params: Params = {}): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params))
    if (value !== undefined && value !== '') search.set(name, String(value));
  if (lang === 'en') search.set('lang', 'en');
  const query = search.toString();
  return query ? `${path}?${query}` : path;
}

/** The explorer's pages (the server answers each with index.html; see src/server/web.router.ts). */
export const to = {
  search: (lang: Lang, q?: string) => href(lang, '/', { q }),
  model: (lang: Lang, slug: string) => href(lang, `/model/${encodeURIComponent(slug)}`),
  region: (lang: Lang, code: string, sub?: boolean) =>
    href(lang, `/region/${encodeURIComponent(code)}`, { sub: sub ? 1 : undefined }),
  practice: (lang: Lang, key: string) => href(lang, `/practice/${encodeURIComponent(key)}`),
  principle: (lang: Lang, slug: string) => href(lang, `/principle/${encodeURIComponent(slug)}`),
  compare: (lang: Lang, slugs: readonly string[]) => href(lang, '/compare', { m: slugs.join(',') }),
  source: (lang: Lang, key: string, offset?: number, length?: number) =>
    href(lang, `/source/${encodeURIComponent(key)}`, { o: offset, l: length }),
  chart: (lang: Lang, region?: string, indicator?: string) =>
    href(lang, '/chart', { region, indicator }),
  /** The review desk: its list of change sets (by status), or one set. */
  review: (lang: Lang, set?: string, status?: string) => href(lang, '/review', { set, status }),
};

/** The key of a global id (`GovernanceModel:slug` → `slug`). */
export const keyOf = (id: string): string => id.slice(id.indexOf(':') + 1);
