import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { officialNames } from '../region/gazetteer';
import { nameRegion } from '../region/region-names';
import { locateQuote, locateReported, occurrences, type LocatedQuote } from './citations';
import { agreesAtReportedPrecision, numberTokens } from './figures';
import type { Located, Problem, SeedBundle } from './seed.files';
import type { Citation, Editorial } from './seed.schema';

export interface CheckResult {
  readonly problems: Problem[];
  readonly warnings: Problem[];
  /** Source id → text, for the loader. */
  readonly texts: Map<string, string>;
  /** Region code → official gazetteer name, for every code the seed names. */
  readonly officialNames: Map<string, string>;
  readonly stats: { quotes: number; numbersCovered: number; ratesChecked: number };
}

type Cited = { citations?: Citation[]; editorial?: Editorial };

/** Everything `npm run seed:check` verifies beyond the schema. Pure apart from reading files. */
export async function checkSeed(bundle: SeedBundle, seedDir: string): Promise<CheckResult> {
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const fail = (at: Located<unknown>, message: string, sub = '') => problems.push({ file: at.file, path: at.path + sub, message });
  const warn = (at: Located<unknown>, message: string, sub = '') => warnings.push({ file: at.file, path: at.path + sub, message });

  // Sources: present and byte-identical to what was received.
  const texts = new Map<string, string>();
  for (const s of bundle.sources) {
    const file = path.join(seedDir, 'sources', s.item.file);
    if (!existsSync(file)) {
      fail(s, `source file seed/sources/${s.item.file} is missing`);
      continue;
    }
    const bytes = readFileSync(file);
    const digest = createHash('sha256').update(bytes).digest('hex');
    if (digest !== s.item.sha256) fail(s, `sha256 of ${s.item.file} is ${digest}, expected ${s.item.sha256}: the text must stay byte-for-byte as received`);
    texts.set(s.item.id, bytes.toString('utf8'));
  }

  // Keys unique, references resolvable.
  const keysOf = <T>(list: ReadonlyArray<Located<T>>, key: (t: T) => string, what: string): Set<string> => {
    const seen = new Map<string, Located<T>>();
    for (const entry of list) {
      const k = key(entry.item);
      const first = seen.get(k);
      if (first) fail(entry, `duplicate ${what} "${k}" (first in ${first.file}: ${first.path})`);
      else seen.set(k, entry);
    }
    return new Set(seen.keys());
  };
  keysOf(bundle.sources, (s) => s.id, 'source id');
  const principles = keysOf(bundle.principles, (p) => p.slug, 'principle slug');
  const models = keysOf(bundle.models, (m) => m.slug, 'model slug');
  const orgs = keysOf(bundle.organizations, (o) => o.id, 'organization id');
  keysOf(bundle.people, (p) => p.id, 'person id');
  const practices = keysOf(bundle.practices, (p) => p.id, 'practice id');
  const units = keysOf(bundle.units, (u) => u.code, 'unit code');
  const indicators = new Map(bundle.indicators.map((i) => [i.item.code, i.item]));
  keysOf(bundle.indicators, (i) => i.code, 'indicator code');
  const observations = new Map(bundle.observations.map((o) => [o.item.id, o.item]));
  keysOf(bundle.observations, (o) => o.id, 'observation id');
  keysOf(bundle.regions, (r) => r.code, 'region code');

  const ref = (at: Located<unknown>, set: Set<string> | Map<string, unknown>, key: string | undefined, what: string, sub: string) => {
    if (key !== undefined && !set.has(key)) fail(at, `unknown ${what} "${key}"`, sub);
  };

  // Region codes: collect every code named anywhere, then check them against the gazetteer.
  const codeUses: Array<[Located<unknown>, string, string]> = [];
  for (const r of bundle.regions) {
    codeUses.push([r, r.item.code, '.code']);
    if (r.item.within) codeUses.push([r, r.item.within, '.within']);
    // Townships and villages have namesakes everywhere: say where each was resolved.
    else if (r.item.code.length >= 9) fail(r, 'a township or village needs `within`, the parent it was resolved under', '.within');
  }
  for (const m of bundle.models) if (m.item.origin?.region) codeUses.push([m, m.item.origin.region, '.origin.region']);
  for (const p of bundle.practices) codeUses.push([p, p.item.region, '.region']);
  for (const o of bundle.organizations) if (o.item.region) codeUses.push([o, o.item.region, '.region']);
  for (const p of bundle.people) p.item.positions.forEach((pos, i) => pos.region && codeUses.push([p, pos.region, `.positions[${i}].region`]));
  for (const o of bundle.observations) codeUses.push([o, o.item.region, '.region']);
  const names = await officialNames(codeUses.map(([, code]) => code));
  for (const [at, code, sub] of codeUses) if (!names.has(code)) fail(at, `region code ${code} is not in the official 2023 gazetteer`, sub);
  for (const r of bundle.regions) {
    const official = names.get(r.item.code);
    if (!official) continue;
    if (r.item.within && (!r.item.code.startsWith(r.item.within) || r.item.code === r.item.within)) fail(r, `${r.item.code} does not lie under ${r.item.within}`, '.within');
    const short = nameRegion(r.item.code, official).name;
    const accepted = [official, short, ...(r.item.aliases ?? [])];
    if (!accepted.includes(r.item.name) && !official.startsWith(r.item.name)) {
      fail(r, `name "${r.item.name}" does not match the gazetteer's "${official}" at ${r.item.code} (add the report's name to aliases if it was renamed)`, '.name');
    }
  }

  // Provenance and quotes.
  let quotes = 0;
  const cite = (at: Located<unknown>, cited: Cited, sub: string, required: 'quote' | 'quote-or-editorial') => {
    const list = cited.citations ?? [];
    if (list.length === 0 && (required === 'quote' || !cited.editorial)) {
      fail(at, required === 'quote' ? 'needs at least one citation (a verbatim quote)' : 'needs a citation or an editorial basis', sub);
    }
    list.forEach((c, i) => {
      const located = locateQuote(c, texts);
      if (typeof located === 'string') fail(at, located, `${sub}.citations[${i}]`);
      else quotes += 1;
    });
  };
  for (const m of bundle.models) {
    cite(m, m.item, '', 'quote-or-editorial');
    if (m.item.origin && (m.item.origin.citations?.length || m.item.origin.editorial)) cite(m, m.item.origin, '.origin', 'quote-or-editorial');
    else if (m.item.origin) fail(m, 'an origin needs a citation or an editorial basis', '.origin');
    m.item.principles?.forEach((p, i) => {
      ref(m, principles, p.slug, 'principle', `.principles[${i}].slug`);
      cite(m, p, `.principles[${i}]`, 'quote-or-editorial');
    });
    m.item.derivedFrom?.forEach((d, i) => {
      ref(m, models, d.slug, 'model', `.derivedFrom[${i}].slug`);
      if (d.slug === m.item.slug) fail(m, 'a model cannot derive from itself', `.derivedFrom[${i}]`);
      cite(m, d, `.derivedFrom[${i}]`, 'quote-or-editorial');
    });
  }
  for (const p of bundle.practices) {
    cite(p, p.item, '', 'quote');
    p.item.models.forEach((slug, i) => ref(p, models, slug, 'model', `.models[${i}]`));
    p.item.organizations?.forEach((id, i) => ref(p, orgs, id, 'organization', `.organizations[${i}]`));
  }
  for (const o of bundle.organizations) cite(o, o.item, '', 'quote');
  for (const p of bundle.people) {
    cite(p, p.item, '', 'quote');
    p.item.positions.forEach((pos, i) => ref(p, orgs, pos.organization, 'organization', `.positions[${i}].organization`));
  }
  for (const i of bundle.indicators) ref(i, units, i.item.unit, 'unit', '.unit');

  // Observations: references, the reported words inside the quote, rates against their counts.
  const spans = new Map<string, Located<unknown>>();
  const covered = new Map<string, Array<[number, number]>>();
  let ratesChecked = 0;
  for (const o of bundle.observations) {
    const ob = o.item;
    cite(o, ob, '', 'quote');
    ref(o, indicators, ob.indicator, 'indicator', '.indicator');
    ref(o, units, ob.unit, 'unit', '.unit');
    const indicator = indicators.get(ob.indicator);
    if (indicator && indicator.unit !== ob.unit) fail(o, `unit "${ob.unit}" differs from indicator ${ob.indicator}'s unit "${indicator.unit}"`, '.unit');
    ref(o, practices, ob.practice, 'practice', '.practice');
    ref(o, observations, ob.numerator, 'observation', '.numerator');
    ref(o, observations, ob.denominator, 'observation', '.denominator');
    const quotes = (ob.citations ?? []).map((c) => locateQuote(c, texts)).filter((q): q is LocatedQuote => typeof q !== 'string');
    const inQuote = quotes.find((q) => q.quote.includes(ob.reported));
    const from = inQuote ? locateReported(inQuote, ob.reported, ob.reportedOccurrence) : `reported words "${ob.reported}" are not inside any of its quotes`;
    if (typeof from === 'string' || !inQuote) {
      fail(o, String(from), '.reported');
    } else {
      const key = `${inQuote.source}:${from}:${ob.reported.length}`;
      const twin = spans.get(key);
      if (twin) fail(o, `reports the same words at the same place as ${twin.path} (${twin.file}): a figure is listed twice`, '.reported');
      else spans.set(key, o);
      const list = covered.get(inQuote.source) ?? [];
      list.push([from, from + ob.reported.length]);
      covered.set(inQuote.source, list);
    }
    const num = ob.numerator ? observations.get(ob.numerator) : undefined;
    const den = ob.denominator ? observations.get(ob.denominator) : undefined;
    if (num && den && den.value !== 0 && ob.unit === 'percent') {
      ratesChecked += 1;
      const computed = (num.value / den.value) * 100;
      if (!agreesAtReportedPrecision(ob.value, computed)) warn(o, `reported rate ${ob.value}% differs from ${num.value}/${den.value} = ${computed.toFixed(2)}%`);
    }
  }

  // Coverage: every number in the founding text is a reported figure or excused as a non-figure.
  let numbersCovered = 0;
  for (const [sourceId, text] of texts) {
    const excused: Array<[number, number]> = [];
    for (const nf of bundle.nonFigures) {
      if ((nf.item.source ?? 'kunming-2020') !== sourceId) continue;
      const found = occurrences(text, nf.item.text);
      if (found.length === 0) fail(nf, `"${nf.item.text}" is not in ${sourceId}`, '.text');
      const chosen = nf.item.occurrence ? [found[nf.item.occurrence - 1]].filter((x): x is number => x !== undefined) : found;
      for (const i of chosen) excused.push([i, i + nf.item.text.length]);
    }
    const spansHere = covered.get(sourceId) ?? [];
    for (const token of numberTokens(text)) {
      const inside = (r: [number, number]) => token.index >= r[0] && token.index + token.text.length <= r[1];
      if (spansHere.some(inside) || excused.some(inside)) numbersCovered += 1;
      else {
        const context = text.slice(Math.max(0, token.index - 12), token.index + token.text.length + 8).replace(/\s+/g, ' ');
        problems.push({ file: `seed/sources/${sourceId}`, path: `offset ${token.index}`, message: `number ${token.text} is neither a reported figure nor a listed non-figure: "…${context}…"` });
      }
    }
  }

  return { problems, warnings, texts, officialNames: names, stats: { quotes, numbersCovered, ratesChecked } };
}
