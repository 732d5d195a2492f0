import { REGION_LEVELS, type RegionLevel } from './vocabulary';

/**
 * Official region codes (National Bureau of Statistics): each level adds digits to its parent's
 * code, so a code's length is its level and its prefixes are its ancestors. Written once here.
 */

/** How many digits a code of each level has. */
export const CODE_LENGTH: Readonly<Record<RegionLevel, number>> = {
  PROVINCE: 2,
  PREFECTURE: 4,
  COUNTY: 6,
  TOWNSHIP: 9,
  VILLAGE: 12,
};

/** The code lengths from the top level down: 2, 4, 6, 9, 12. */
export const CODE_LENGTHS: readonly number[] = REGION_LEVELS.map((l) => CODE_LENGTH[l]);

/** A code of one of the levels' lengths, digits only. */
export const REGION_CODE = new RegExp(`^(${CODE_LENGTHS.map((n) => `\\d{${n}}`).join('|')})$`);

/** The lengths in words, for messages: "2, 4, 6, 9 or 12". */
export const CODE_LENGTHS_TEXT = `${CODE_LENGTHS.slice(0, -1).join(', ')} or ${CODE_LENGTHS.at(-1)}`;

const LEVEL_OF_LENGTH = new Map(REGION_LEVELS.map((l) => [CODE_LENGTH[l], l]));

/** The level follows from the official code's length. */
export function levelOf(code: string): RegionLevel {
  const level = LEVEL_OF_LENGTH.get(code.length);
  if (!level || !/^\d+$/.test(code)) throw new Error(`not an official region code: ${code}`);
  return level;
}

/** The code cut to a level: the ancestor of that level (the code itself at its own level). */
export const prefixOf = (code: string, level: RegionLevel): string =>
  code.slice(0, CODE_LENGTH[level]);

/** The parent's code: the code cut to the previous level. */
export function parentCode(code: string): string | undefined {
  const i = CODE_LENGTHS.indexOf(code.length);
  return i > 0 ? code.slice(0, CODE_LENGTHS[i - 1]) : undefined;
}

/** Whether a code is of the level (by its length). */
export const isLevel = (code: string, level: RegionLevel): boolean =>
  code.length === CODE_LENGTH[level];

/**
 * Why `code` cannot be a county-level zone of `host`, if it cannot: a zone is a township-level
 * code, under the county that hosts it.
 */
export function zoneProblems(
  code: string,
  host: string,
): Array<{ field: string; message: string }> {
  const problems: Array<{ field: string; message: string }> = [];
  if (!isLevel(code, 'TOWNSHIP'))
    problems.push({
      field: 'code',
      message: `only a township-level code (${CODE_LENGTH.TOWNSHIP} digits) can be a county-level zone, not ${code}`,
    });
  if (!isLevel(host, 'COUNTY') || !code.startsWith(host))
    problems.push({ field: 'host', message: `host ${host} is not the county ${code} lies under` });
  return problems;
}
