import { z } from 'zod';

/**
 * ASCII kebab-case: lower-case letters and digits in words joined by single hyphens (ids, slugs).
 */
export const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** An id or slug in the seed files and in facts sent through the API. */
export const kebabId = z.string().regex(KEBAB, 'must be ASCII kebab-case');

/**
 * Any text reduced to ASCII words joined by `separator` (`Shuangqiao Experience` →
 * `shuangqiao-experience`); what is not a letter or digit parts words, and none are left at
 * the ends. Empty when nothing ASCII remains.
 */
export const slugOf = (text: string, separator: '-' | '_' = '-'): string =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, separator)
    .split(separator)
    .filter(Boolean)
    .join(separator);
