import { prefixOf } from '../core/region-codes';
/**
 * Likeness scores for planners. Every point comes with a reason, so a ranking can be read and
 * argued with. Weights (documented in README, "How matches are scored"):
 *
 * comparablePilots — another practice P against the given practice Q:
 *   +3   per model both implement
 *   +1   per principle both build on (through their models), at most +3
 *   +2   same category (mediation, village compact, smart security …)
 *   +1   same status (a pilot is most like another pilot)
 *   +1   both in ethnic autonomous units; +0.5 more per nationality in common
 *   +0.5 same kind of county-level unit (区, 县, 县级市, 自治县 …)
 *   +0.5 run at the same level (county, township, village)
 *   +1   per indicator both report, at most +3
 *
 * adoptionCandidates — a county-level unit C that has not adopted model M, against each adopter A
 * (C's score is its best match):
 *   +3 × Jaccard(models practised in C, models practised in A)
 *   +2 × Jaccard(principles of those models)
 *   +2   same prefecture, else +1 same province
 *   +1   same kind of county-level unit
 *   +1.5 both ethnic autonomous; +0.5 per nationality in common
 */

export interface PracticeFeatures {
  readonly key: string;
  readonly name: string;
  readonly models: readonly string[];
  readonly principles: readonly string[];
  readonly category: string;
  readonly status: string;
  /** Level of the region the practice runs in (COUNTY, TOWNSHIP, VILLAGE …). */
  readonly level: string;
  readonly unit: UnitFeatures;
  readonly indicators: readonly string[];
}

export interface UnitFeatures {
  readonly code: string;
  readonly name: string;
  readonly kind: string;
  readonly autonomous: boolean;
  readonly ethnicGroups: readonly string[];
}

export interface Scored<T> {
  readonly item: T;
  readonly score: number;
  readonly reasons: string[];
}

const common = <T>(a: readonly T[], b: readonly T[]) => a.filter((x) => b.includes(x));
const round = (n: number) => Math.round(n * 100) / 100;
const list = (xs: readonly string[], names?: ReadonlyMap<string, string>) =>
  xs.map((x) => names?.get(x) ?? x).join(', ');

/** Points with their reasons; a contribution of zero is not mentioned. */
function tally() {
  let score = 0;
  const reasons: string[] = [];
  return {
    add(points: number, reason: string) {
      if (points <= 0) return;
      score += points;
      reasons.push(`${reason} (+${round(points)})`);
    },
    get score() {
      return round(score);
    },
    reasons,
  };
}

export function scorePilot(
  q: PracticeFeatures,
  p: PracticeFeatures,
  names?: ReadonlyMap<string, string>,
): Scored<PracticeFeatures> {
  const t = tally();
  const add = t.add;
  const models = common(q.models, p.models);
  add(
    3 * models.length,
    `implements the same model${models.length > 1 ? 's' : ''}: ${list(models, names)}`,
  );
  const principles = common(q.principles, p.principles);
  add(
    Math.min(3, principles.length),
    `builds on the same principle${principles.length > 1 ? 's' : ''}: ${list(principles, names)}`,
  );
  if (q.category === p.category) add(2, `same field: ${p.category}`);
  if (q.status === p.status) add(1, `same status: ${p.status}`);
  if (q.unit.autonomous && p.unit.autonomous) {
    add(1, `both in ethnic autonomous units (${q.unit.name}, ${p.unit.name})`);
    const groups = common(q.unit.ethnicGroups, p.unit.ethnicGroups);
    add(0.5 * groups.length, `nationalities in common: ${groups.join(', ')}`);
  }
  if (q.unit.kind === p.unit.kind) add(0.5, `same kind of county-level unit: ${p.unit.kind}`);
  if (q.level === p.level) add(0.5, `runs at the same level: ${p.level}`);
  const indicators = common(q.indicators, p.indicators);
  add(
    Math.min(3, indicators.length),
    `reports the same indicator${indicators.length > 1 ? 's' : ''}: ${list(indicators, names)}`,
  );
  return { item: p, score: t.score, reasons: t.reasons };
}

export interface CountyFeatures extends UnitFeatures {
  readonly models: readonly string[];
  readonly principles: readonly string[];
}

const jaccard = (a: readonly string[], b: readonly string[]) => {
  const union = new Set([...a, ...b]).size;
  return union === 0 ? 0 : common(a, b).length / union;
};

export function scoreCandidate(
  c: CountyFeatures,
  adopters: readonly CountyFeatures[],
  names?: ReadonlyMap<string, string>,
): Scored<CountyFeatures> {
  let best: Scored<CountyFeatures> = { item: c, score: 0, reasons: [] };
  for (const a of adopters) {
    const t = tally();
    const add = t.add;
    const models = common(c.models, a.models);
    add(
      3 * jaccard(c.models, a.models),
      `practises ${models.length} of the same models as ${a.name}: ${list(models, names)}`,
    );
    const principles = common(c.principles, a.principles);
    add(
      2 * jaccard(c.principles, a.principles),
      `builds on ${principles.length} of the same principles as ${a.name}`,
    );
    if (prefixOf(c.code, 'PREFECTURE') === prefixOf(a.code, 'PREFECTURE'))
      add(2, `same prefecture as ${a.name}`);
    else if (prefixOf(c.code, 'PROVINCE') === prefixOf(a.code, 'PROVINCE'))
      add(1, `same province as ${a.name}`);
    if (c.kind === a.kind) add(1, `same kind of unit as ${a.name}: ${c.kind}`);
    if (c.autonomous && a.autonomous) {
      add(1.5, `ethnic autonomous like ${a.name}`);
      const groups = common(c.ethnicGroups, a.ethnicGroups);
      add(0.5 * groups.length, `nationalities in common with ${a.name}: ${groups.join(', ')}`);
    }
    if (t.score > best.score) best = { item: c, score: t.score, reasons: t.reasons };
  }
  return best;
}

/** Highest score first; ties broken by key so results are stable. */
export function rank<T>(
  scored: ReadonlyArray<Scored<T>>,
  key: (t: T) => string,
  first: number,
): Array<Scored<T>> {
  return [...scored]
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score || key(a.item).localeCompare(key(b.item)))
    .slice(0, first);
}
