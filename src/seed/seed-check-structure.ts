import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CODE_LENGTH, zoneProblems } from '../core/region-codes';
import { locateQuote } from '../facts/citations';
import type { Citation, Editorial, SeedItem } from '../facts/fact.schema';
import { officialNames } from '../region/gazetteer';
import { nameRegion } from '../region/region-names';
import type { Located, Problem, SeedBundle } from './seed-files';

type Cited = { citations?: Citation[]; editorial?: Editorial };
export type Keys = Set<string> | Map<string, unknown>;
export type SeedKeys = ReturnType<SeedCheck['keys']>;

/**
 * The state of a seed check (problems, warnings, source texts, counts) and the checks of its
 * structure: sources, keys, region codes, provenance and references. Figures:
 * seed-check-figures.ts.
 */
export class SeedCheck {
  readonly problems: Problem[] = [];
  readonly warnings: Problem[] = [];
  readonly texts = new Map<string, string>();
  quotes = 0;
  ratesChecked = 0;

  /** The folders whose sources/ hold the texts: the seed's, then any folder laid over it. */
  private readonly seedDirs: readonly string[];

  constructor(
    readonly bundle: SeedBundle,
    seedDir: string | readonly string[],
  ) {
    this.seedDirs = typeof seedDir === 'string' ? [seedDir] : seedDir;
  }

  fail(at: Located<unknown>, message: string, sub = ''): void {
    this.problems.push({ file: at.file, path: at.path + sub, message });
  }

  ref(at: Located<unknown>, keys: Keys, key: string | undefined, what: string, sub: string): void {
    if (key !== undefined && !keys.has(key)) this.fail(at, `unknown ${what} "${key}"`, sub);
  }

  /** Sources: present and byte-identical to what was received. */
  sources(): void {
    for (const s of this.bundle.sources) {
      const candidates = this.seedDirs.map((dir) => path.join(dir, 'sources', s.item.file));
      const file = candidates.find((f) => existsSync(f)) ?? candidates[0]!;
      if (!existsSync(file)) {
        this.fail(s, `source file seed/sources/${s.item.file} is missing`);
        continue;
      }
      const bytes = readFileSync(file);
      const digest = createHash('sha256').update(bytes).digest('hex');
      if (digest !== s.item.sha256)
        this.fail(
          s,
          `sha256 of ${s.item.file} is ${digest}, expected ${s.item.sha256}: the text must stay byte-for-byte as received`,
        );
      this.texts.set(s.item.id, bytes.toString('utf8'));
    }
  }

  private unique<T>(
    list: ReadonlyArray<Located<T>>,
    key: (t: T) => string,
    what: string,
  ): Set<string> {
    const seen = new Map<string, Located<T>>();
    for (const entry of list) {
      const k = key(entry.item);
      const first = seen.get(k);
      if (first)
        this.fail(entry, `duplicate ${what} "${k}" (first in ${first.file}: ${first.path})`);
      else seen.set(k, entry);
    }
    return new Set(seen.keys());
  }

  /** Keys are unique per collection; the sets are what references may point at. */
  keys() {
    const b = this.bundle;
    this.unique(b.sources, (s) => s.id, 'source id');
    this.unique(b.people, (p) => p.id, 'person id');
    this.unique(b.indicators, (i) => i.code, 'indicator code');
    this.unique(b.observations, (o) => o.id, 'observation id');
    this.unique(b.regions, (r) => r.code, 'region code');
    return {
      principles: this.unique(b.principles, (p) => p.slug, 'principle slug'),
      models: this.unique(b.models, (m) => m.slug, 'model slug'),
      orgs: this.unique(b.organizations, (o) => o.id, 'organization id'),
      practices: this.unique(b.practices, (p) => p.id, 'practice id'),
      units: this.unique(b.units, (u) => u.code, 'unit code'),
      indicators: new Map(b.indicators.map((i) => [i.item.code, i.item])),
      observations: new Map(b.observations.map((o) => [o.item.id, o.item])),
    };
  }

  /** Every region code named anywhere, with where it was named. */
  private codeUses(): Array<[Located<unknown>, string, string]> {
    const b = this.bundle;
    const uses: Array<[Located<unknown>, string, string]> = [];
    for (const r of b.regions) {
      uses.push([r, r.item.code, '.code']);
      if (r.item.within) uses.push([r, r.item.within, '.within']);
      // Townships and villages have namesakes everywhere: say where each was resolved.
      else if (r.item.code.length >= CODE_LENGTH.TOWNSHIP)
        this.fail(
          r,
          'a township or village needs `within`, the parent it was resolved under',
          '.within',
        );
    }
    for (const m of b.models)
      if (m.item.origin?.region) uses.push([m, m.item.origin.region, '.origin.region']);
    for (const p of b.practices) uses.push([p, p.item.region, '.region']);
    for (const o of b.organizations) if (o.item.region) uses.push([o, o.item.region, '.region']);
    for (const p of b.people)
      p.item.positions.forEach(
        (pos, i) => pos.region && uses.push([p, pos.region, `.positions[${i}].region`]),
      );
    for (const o of b.observations) uses.push([o, o.item.region, '.region']);
    return uses;
  }

  /** Region codes are official, lie under their parent, and carry the gazetteer's name. */
  async regions(): Promise<Map<string, string>> {
    const uses = this.codeUses();
    const names = await officialNames(uses.map(([, code]) => code));
    for (const [at, code, sub] of uses)
      if (!names.has(code))
        this.fail(at, `region code ${code} is not in the official 2023 gazetteer`, sub);
    for (const r of this.bundle.regions) {
      const official = names.get(r.item.code);
      if (!official) continue;
      if (
        r.item.within &&
        (!r.item.code.startsWith(r.item.within) || r.item.code === r.item.within)
      )
        this.fail(r, `${r.item.code} does not lie under ${r.item.within}`, '.within');
      this.countyLevel(r);
      const short = nameRegion(r.item.code, official).name;
      const accepted = [official, short, ...(r.item.aliases ?? [])];
      if (!accepted.includes(r.item.name) && !official.startsWith(r.item.name)) {
        this.fail(
          r,
          `name "${r.item.name}" does not match the gazetteer's "${official}" at ${r.item.code} (add the report's name to aliases if it was renamed)`,
          '.name',
        );
      }
    }
    return names;
  }

  /**
   * A promoted zone is a township-level code under its host county, with a basis and quotes for its
   * status.
   */
  private countyLevel(r: Located<SeedItem<'regions'>>): void {
    const status = r.item.countyLevel;
    if (!status) return;
    for (const p of zoneProblems(r.item.code, status.host))
      this.fail(r, p.message, p.field === 'host' ? '.countyLevel.host' : '.countyLevel');
    this.cite(r, status, '.countyLevel', 'quote');
  }

  /** A fact's quotes are verbatim; it has one, or (where allowed) an editorial basis. */
  cite(
    at: Located<unknown>,
    cited: Cited,
    sub: string,
    required: 'quote' | 'quote-or-editorial',
  ): void {
    const list = cited.citations ?? [];
    if (list.length === 0 && (required === 'quote' || !cited.editorial)) {
      this.fail(
        at,
        required === 'quote'
          ? 'needs at least one citation (a verbatim quote)'
          : 'needs a citation or an editorial basis',
        sub,
      );
    }
    list.forEach((c, i) => {
      const located = locateQuote(c, this.texts);
      if (typeof located === 'string') this.fail(at, located, `${sub}.citations[${i}]`);
      else this.quotes += 1;
    });
  }

  /** Models, practices, organisations, people and indicators: provenance and references. */
  provenance(keys: SeedKeys): void {
    for (const m of this.bundle.models) this.model(m, keys);
    for (const p of this.bundle.practices) {
      this.cite(p, p.item, '', 'quote');
      p.item.models.forEach((slug, i) => this.ref(p, keys.models, slug, 'model', `.models[${i}]`));
      p.item.organizations?.forEach((id, i) =>
        this.ref(p, keys.orgs, id, 'organization', `.organizations[${i}]`),
      );
    }
    for (const o of this.bundle.organizations) this.cite(o, o.item, '', 'quote');
    for (const p of this.bundle.people) {
      this.cite(p, p.item, '', 'quote');
      p.item.positions.forEach((pos, i) =>
        this.ref(p, keys.orgs, pos.organization, 'organization', `.positions[${i}].organization`),
      );
    }
    for (const i of this.bundle.indicators) this.ref(i, keys.units, i.item.unit, 'unit', '.unit');
  }

  private model(m: Located<SeedItem<'models'>>, keys: SeedKeys): void {
    this.cite(m, m.item, '', 'quote-or-editorial');
    if (m.item.origin && (m.item.origin.citations?.length || m.item.origin.editorial))
      this.cite(m, m.item.origin, '.origin', 'quote-or-editorial');
    else if (m.item.origin)
      this.fail(m, 'an origin needs a citation or an editorial basis', '.origin');
    m.item.principles?.forEach((p, i) => {
      this.ref(m, keys.principles, p.slug, 'principle', `.principles[${i}].slug`);
      this.cite(m, p, `.principles[${i}]`, 'quote-or-editorial');
    });
    m.item.derivedFrom?.forEach((d, i) => {
      this.ref(m, keys.models, d.slug, 'model', `.derivedFrom[${i}].slug`);
      if (d.slug === m.item.slug)
        this.fail(m, 'a model cannot derive from itself', `.derivedFrom[${i}]`);
      this.cite(m, d, `.derivedFrom[${i}]`, 'quote-or-editorial');
    });
  }
}
