import { makeValidator } from 'envalid';

/**
 * Value checks for the HTTP settings (config.ts reads the environment; these only judge values).
 */

/** Browser origins: every origin (`*`), or a list of exact origins (possibly empty: none). */
export type Origins = '*' | readonly string[];

/** `https://portal.example.org` as a browser sends it in `Origin`: scheme, host and port only. */
function asOrigin(entry: string): string {
  let url: URL;
  try {
    url = new URL(entry);
  } catch {
    throw new Error(`"${entry}" is not an origin such as https://portal.example.org`);
  }
  if (!/^https?:$/.test(url.protocol) || url.origin !== entry.replace(/\/$/, '')) {
    throw new Error(
      `"${entry}" is not an origin (scheme, host and port only, e.g. https://portal.example.org:8443)`,
    );
  }
  return url.origin;
}

/** `*`, nothing (none), or a comma list of origins. */
export const originList = makeValidator<Origins>((input) => {
  const value = input.trim();
  if (value === '*') return '*';
  return value === '' ? [] : value.split(',').map((e) => asOrigin(e.trim()));
});

/** Whether `origin` is one of `origins`. */
export const allows = (origins: Origins, origin: string): boolean =>
  origins === '*' || origins.includes(origin);
