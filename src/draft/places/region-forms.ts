import { CODE_LENGTHS, levelOf, prefixOf } from '../../core/region-codes';
import type { RegionLevel } from '../../core/vocabulary';
import { nameRegion, type RegionNaming } from '../../region/region-names';

/**
 * The names a report may use for a gazetteer unit: the official name, the short name, the name
 * with another kind word (晋城镇 for today's 晋城街道, 双桥村 for 双桥社区, 石林县 for
 * 石林彝族自治县) and the bare name (五华, 旧寨), which the resolver only trusts in context.
 */

export interface GazetteerUnit {
  readonly code: string;
  readonly officialName: string;
}

export type Strength = 'exact' | 'variant' | 'bare';

export interface Form {
  readonly form: string;
  readonly code: string;
  readonly level: RegionLevel;
  readonly strength: Strength;
}

/**
 * Kind words a report may put after a bare name instead of the gazetteer's (a town that became a
 * subdistrict).
 */
const OTHER_KINDS: Partial<Record<RegionLevel, readonly string[]>> = {
  COUNTY: ['县', '区', '市'],
  TOWNSHIP: ['街道', '镇', '乡'],
  VILLAGE: ['村', '社区'],
};

/**
 * Every form of one unit; `prefixes` are its ancestors' bare names, which some zone names repeat
 * (昆明阳宗海风景名胜区). `naming` is passed in by the indexer, which has it already (nameRegion computes
 * pinyin: costly over the whole gazetteer).
 */
export function formsOf(
  unit: GazetteerUnit,
  prefixes: readonly string[] = [],
  naming: RegionNaming = nameRegion(unit.code, unit.officialName),
): Form[] {
  const level = levelOf(unit.code);
  const out = new Map<string, Strength>();
  const add = (form: string, strength: Strength) => {
    if (form.length < 2) return;
    const rank = { exact: 0, variant: 1, bare: 2 };
    const had = out.get(form);
    if (had === undefined || rank[strength] < rank[had]) out.set(form, strength);
  };
  add(unit.officialName, 'exact');
  add(naming.name, 'exact');
  if (unit.officialName.endsWith('街道办事处'))
    add(unit.officialName.replace(/办事处$/, ''), 'exact');
  else if (unit.officialName.endsWith('街道')) add(`${unit.officialName}办事处`, 'exact');
  // The name without its kind word and, for an autonomous unit, without its nationalities
  // (禄劝彝族苗族自治县 → 禄劝).
  const bases = [naming.base];
  const stripped = prefixes.find(
    (p) => p.length >= 2 && bases[0]!.startsWith(p) && bases[0]!.length > p.length + 1,
  );
  if (stripped) {
    bases.push(bases[0]!.slice(stripped.length));
    add(unit.officialName.slice(stripped.length), 'variant');
  }
  for (const base of bases) {
    for (const kind of OTHER_KINDS[level] ?? []) add(`${base}${kind}`, 'variant');
    if (level === 'PROVINCE' || level === 'PREFECTURE') add(base, 'variant');
    else add(base, 'bare');
  }
  return [...out].map(([form, strength]) => ({ form, code: unit.code, level, strength }));
}

/** Form → the units it may name. */
export type FormIndex = Map<string, Form[]>;

/** The levels whose bases prefix a unit's forms (昆明 of 昆明市 before 官渡区). */
const ABOVE_TOWNSHIP = ['PROVINCE', 'PREFECTURE', 'COUNTY'] as const;

/** Indexes units (parents before children, as the gazetteer streams them). */
export function indexForms(
  units: Iterable<GazetteerUnit>,
  into: FormIndex = new Map(),
  bases: Map<string, string> = new Map(),
): FormIndex {
  for (const unit of units) {
    const naming = nameRegion(unit.code, unit.officialName);
    bases.set(unit.code, naming.base);
    const prefixes = ABOVE_TOWNSHIP.map((l) => prefixOf(unit.code, l))
      .filter((c) => c !== unit.code)
      .map((c) => bases.get(c) ?? '');
    for (const form of formsOf(unit, prefixes, naming)) {
      const list = into.get(form.form) ?? [];
      if (!list.some((f) => f.code === form.code)) list.push(form);
      into.set(form.form, list);
    }
  }
  return into;
}

/** The longest form length in an index, how far a scan must look ahead. */
export const LONGEST_FORM = 16;

/** The lowest unit that holds all the codes (their common prefix cut to a level). */
export function commonAncestor(codes: readonly string[]): string | undefined {
  if (codes.length === 0) return undefined;
  let prefix = codes[0]!;
  for (const c of codes) while (!c.startsWith(prefix)) prefix = prefix.slice(0, -1);
  const level = [...CODE_LENGTHS].reverse().find((n) => n <= prefix.length);
  return level ? prefix.slice(0, level) : undefined;
}
