import { useSearchParams } from 'wouter-preact';
import { en, type MessageKey, zh } from './messages';

export type Lang = 'zh' | 'en';

const STORAGE_KEY = 'zhili.lang';

/**
 * The language: `?lang=` in the URL (so a shared link keeps it), else the reader's last choice,
 * else Chinese.
 */
export function currentLang(search: URLSearchParams): Lang {
  const fromUrl = search.get('lang');
  if (fromUrl === 'en' || fromUrl === 'zh') return fromUrl;
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

export function rememberLang(lang: Lang): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Storage may be off (private mode); the URL still carries the language.
  }
}

export interface I18n {
  readonly lang: Lang;
  /** Interface text. */
  t(key: MessageKey): string;
  /** A bilingual value from the API: the English one when reading English and one exists. */
  pick(zhValue: string, enValue?: string | null): string;
}

export function i18n(lang: Lang): I18n {
  const table = lang === 'en' ? en : zh;
  return { lang, t: (key) => table[key], pick: (z, e) => (lang === 'en' && e ? e : z) };
}

export function useI18n(): I18n {
  const [search] = useSearchParams();
  return i18n(currentLang(search));
}
