import { gql, GqlError } from '../api/client';
import { enumLabel } from '../i18n/enums';
import { h } from './dom';
import { LOOKUP, type LookupData, type LookupPractice } from './lookup.query';
import { STYLE } from './lookup.style';

type Lang = 'zh' | 'en';

const TEXT = {
  zh: {
    title: (r: string) => `${r}及下辖地区的治理实践`,
    filter: '筛选',
    loading: '加载中…',
    more: '更多',
    count: (n: number, of: number) => `显示 ${n} / ${of} 项`,
    none: '没有实践',
    noRegion: '未找到该地区',
    error: '无法加载',
  },
  en: {
    title: (r: string) => `Governance practices in ${r} and below`,
    filter: 'Filter',
    loading: 'Loading…',
    more: 'More',
    count: (n: number, of: number) => `Showing ${n} of ${of}`,
    none: 'No practices',
    noRegion: 'No such region',
    error: 'Could not load',
  },
};

/** Where the script was loaded from: the API it talks to unless `endpoint` says otherwise. */
const SCRIPT_ORIGIN = (document.currentScript as HTMLScriptElement | null)?.src ?? location.href;

/**
 * `<zhili-practice-lookup region="530103" lang="en">`: the practices of a region and everything
 * below it, filterable, each linked to the explorer. Reads by GET with persisted-query hashes
 * (see api/client.ts), so a CDN in front of the API can cache every lookup.
 */
export class PracticeLookup extends HTMLElement {
  static readonly observedAttributes = ['endpoint', 'lang', 'region'];

  private readonly root = this.attachShadow({ mode: 'open' });
  private practices: LookupPractice[] = [];
  private total = 0;
  private cursor: string | null = null;
  private loading?: AbortController;
  private pending = false;
  private readonly heading = h('h2');
  private readonly filter = h('input', {
    type: 'search',
    id: 'filter',
    autocomplete: 'off',
  }) as HTMLInputElement;
  private readonly filterLabel = h('label', { for: 'filter' });
  private readonly status = h('p', { role: 'status', 'aria-live': 'polite' });
  private readonly list = h('ul');
  private readonly more = h('button', { type: 'button' }) as HTMLButtonElement;

  constructor() {
    super();
    this.root.append(
      h('style', {}, STYLE),
      this.heading,
      this.filterLabel,
      this.filter,
      this.status,
      this.list,
      this.more,
    );
    this.filter.addEventListener('input', () => this.renderList());
    this.more.addEventListener('click', () => void this.load(this.cursor));
  }

  private get language(): Lang {
    return this.getAttribute('lang') === 'en' ? 'en' : 'zh';
  }

  private get endpoint(): string {
    return new URL(this.getAttribute('endpoint') || '/graphql', SCRIPT_ORIGIN).href;
  }

  private pick(n: { name: string; nameEn: string | null }): string {
    return this.language === 'en' && n.nameEn ? n.nameEn : n.name;
  }

  connectedCallback(): void {
    this.reload();
  }

  attributeChangedCallback(_name: string, old: string | null, value: string | null): void {
    if (this.isConnected && old !== value) this.reload();
  }

  /** One load for all that changed at once (an upgrade reports every attribute, then connects). */
  private reload(): void {
    if (this.pending) return;
    this.pending = true;
    queueMicrotask(() => {
      this.pending = false;
      void this.load(null);
    });
  }

  /** Loads the first page (`after` null, starting over) or the next one. */
  private async load(after: string | null): Promise<void> {
    const region = this.getAttribute('region');
    const text = TEXT[this.language];
    this.filterLabel.textContent = text.filter;
    this.more.textContent = text.more;
    if (!region) return;
    this.loading?.abort();
    const abort = (this.loading = new AbortController());
    this.status.textContent = text.loading;
    try {
      const data = await gql<LookupData>(this.endpoint, LOOKUP, { region, after }, abort.signal);
      if (abort.signal.aborted) return;
      this.show(data, after !== null);
    } catch (error) {
      if (abort.signal.aborted) return;
      this.status.textContent = `${text.error}: ${error instanceof GqlError ? error.message : String(error)}`;
      this.status.className = 'error';
    }
  }

  private show(data: LookupData, append: boolean): void {
    const text = TEXT[this.language];
    this.status.className = '';
    if (!data.region) {
      this.heading.textContent = text.noRegion;
      this.practices = [];
      this.total = 0;
      this.cursor = null;
    } else {
      this.heading.textContent = text.title(this.pick(data.region));
      const page = data.region.practices;
      this.practices = [...(append ? this.practices : []), ...page.edges.map((e) => e.node)];
      this.total = page.totalCount;
      this.cursor = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    }
    this.renderList();
  }

  private renderList(): void {
    const text = TEXT[this.language];
    const needle = this.filter.value.trim().toLowerCase();
    const shown = this.practices.filter(
      (p) =>
        !needle ||
        [p.name, p.nameEn ?? '', ...p.models.flatMap((m) => [m.name, m.nameEn ?? ''])].some((s) =>
          s.toLowerCase().includes(needle),
        ),
    );
    const explorer = new URL('/', this.endpoint);
    this.list.replaceChildren(
      ...shown.map((p) => {
        const link = new URL(`practice/${encodeURIComponent(p.key)}`, explorer);
        if (this.language === 'en') link.searchParams.set('lang', 'en');
        const meta = [
          this.pick(p.region),
          p.started?.value,
          p.models.map((m) => this.pick(m)).join('、'),
        ]
          .filter(Boolean)
          .join(' · ');
        return h(
          'li',
          {},
          h('a', { href: link.href, target: '_blank', rel: 'noopener' }, this.pick(p)),
          h('span', { class: 'status' }, enumLabel(this.language, p.status)),
          h('div', { class: 'meta' }, meta),
        );
      }),
    );
    this.status.textContent =
      this.practices.length === 0 ? text.none : text.count(this.practices.length, this.total);
    this.more.hidden = this.cursor === null;
  }
}
