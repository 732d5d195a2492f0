import { isLevel } from '../core/region-codes';
import { type OfficialRegion, officialRegions } from '../region/gazetteer';
import { doublesGeneric, KIND_FORMS } from '../region/region-kinds';
import { nameRegion, type RegionNaming } from '../region/region-names';
import { normalizeKey, pinyinKeyOf } from '../search/search-keys';

/**
 * The gazetteer's names as Zhili derives them, checked unit by unit against the rules a reader
 * would state, independently of how `nameRegion` reaches them: a short name is its official name
 * minus one recognised suffix (and any repeat of its kind's word); no name writes its kind twice;
 * English and pinyin spell the name's proper part, nothing more.
 */
export interface NamingProblem {
  readonly code: string;
  readonly officialName: string;
  readonly message: string;
}

export interface GazetteerCheck {
  readonly units: number;
  /** `LEVEL kind` → units, e.g. `VILLAGE 村` → 484,087 nationally. */
  readonly kinds: ReadonlyMap<string, number>;
  readonly problems: readonly NamingProblem[];
}

/** ü is written u or v in English place names (Lüchun, Luchun, Lvchun): the same letter here. */
const latin = (text: string): string => normalizeKey(text).replace(/v/g, 'u');

/**
 * The short name is the official name less one suffix of its kind, and less any repeat of the
 * kind's word.
 */
function readsOffOneSuffix(naming: RegionNaming, officialName: string): boolean {
  if (naming.kind === '其他') return naming.name === officialName;
  const { name } = naming;
  return KIND_FORMS[naming.level].some(({ suffix, generic, kind }) => {
    if (kind !== naming.kind || !officialName.endsWith(suffix)) return false;
    const places = name.endsWith(generic) ? [name, name.slice(0, -generic.length)] : [name];
    return places.some((place) => {
      if (!officialName.startsWith(place) || place.length + suffix.length > officialName.length)
        return false;
      let between = officialName.slice(place.length, officialName.length - suffix.length);
      while (between.startsWith(generic)) between = between.slice(generic.length);
      return between === '';
    });
  });
}

/** A name that ends in its kind's word twice over a proper part of two characters or more. */
function doubledKind(naming: RegionNaming): string | undefined {
  const generics = new Set(KIND_FORMS[naming.level].map((f) => f.generic));
  return [...generics].find(
    (g) => naming.name.endsWith(g + g) && doublesGeneric(naming.name.slice(0, -g.length), g),
  );
}

/** What is wrong with one unit's derived names; empty when nothing is. */
export function namingProblems(code: string, officialName: string, naming: RegionNaming): string[] {
  const problems: string[] = [];
  const doubled = doubledKind(naming);
  if (doubled) problems.push(`short name ${naming.name} writes its kind ${doubled} twice`);
  const forms = KIND_FORMS[naming.level].filter((f) => f.kind === naming.kind);
  if (!readsOffOneSuffix(naming, officialName))
    problems.push(`short name ${naming.name} is not ${officialName} less one recognised suffix`);
  // The proper part and the kind's word make the name (nationalities stand between them in an
  // autonomous unit's).
  const { name, base } = naming;
  const madeOfBase = naming.autonomous
    ? name.startsWith(base) && forms.some((f) => name.endsWith(f.generic))
    : forms.length === 0 ||
      forms.some((f) => name === base + f.generic || (name === base && base.endsWith(f.generic)));
  if (!madeOfBase) problems.push(`short name ${name} is not its proper part ${base} and its kind`);
  if (latin(naming.pinyin) !== latin(pinyinKeyOf(naming.base) ?? naming.base))
    problems.push(`pinyin "${naming.pinyin}" does not spell ${naming.base}`);
  const form = forms[0];
  if (form && !naming.autonomous) {
    const proper = naming.nameEn.endsWith(` ${form.en}`)
      ? naming.nameEn.slice(0, -form.en.length - 1)
      : undefined;
    if (proper === undefined || latin(proper) !== latin(pinyinKeyOf(naming.base) ?? naming.base)) {
      problems.push(`English name "${naming.nameEn}" is not ${naming.base} and "${form.en}"`);
    }
  }
  return problems.map((message) => `${code} ${officialName}: ${message}`);
}

/**
 * Checks every gazetteer unit `keep` accepts, or the units given; `name` is the rule under test
 * (nameRegion unless a test plants a fault).
 */
export async function checkGazetteer(
  keep: ((code: string) => boolean) | Iterable<OfficialRegion>,
  name: (code: string, officialName: string) => RegionNaming = nameRegion,
): Promise<GazetteerCheck> {
  const kinds = new Map<string, number>();
  const problems: NamingProblem[] = [];
  let units = 0;
  for await (const { code, officialName } of typeof keep === 'function'
    ? officialRegions(keep)
    : keep) {
    const naming = name(code, officialName);
    units += 1;
    const key = `${naming.level} ${naming.kind}`;
    kinds.set(key, (kinds.get(key) ?? 0) + 1);
    for (const message of namingProblems(code, officialName, naming))
      problems.push({ code, officialName, message });
  }
  return { units, kinds, problems };
}

/** A sample of every province: all units down to townships, and one village in 37. */
export const provinceSample = (code: string): boolean =>
  !isLevel(code, 'VILLAGE') || Number(code) % 37 === 0;
