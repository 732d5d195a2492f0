import { CODE_LENGTH, isLevel, prefixOf } from '../../core/region-codes';
import type { RegionLevel } from '../../core/vocabulary';
import { titleLine } from '../../facts/report-parts';
import type { Section } from '../draft-shapes';
import { type Scan, uniqueCounty, zoneMention } from './head-names';
import { type FormIndex, LONGEST_FORM } from './region-forms';
import {
  type Home,
  isMedium,
  type Place,
  type RegionMention,
  scanMentions,
} from './region-mentions';
import { resolvingScope } from './region-place';

/**
 * Where the report is from and what each of its parts is about. The report's scope is the place
 * its title names, else the first place its body names, else the prefecture it names most. A
 * part's place is the one its heading names; an official's section is about the county in its
 * speaker line or first sentences; a top-level story (a brief under its headline) about the place
 * its first sentence names; any other part is about its parent's place.
 */

/** The prefecture and province the text names most often (by their full or short names). */
export function homeOf(text: string, index: FormIndex): Home {
  const counts = new Map<string, number>();
  for (const m of scanMentions(index, { text, home: {}, anchors: new Set() }, 0, text.length, 0)) {
    // Full names count for more: a short name (昆明) may be a word.
    if (m.level === 'PREFECTURE' || m.level === 'PROVINCE')
      counts.set(m.code, (counts.get(m.code) ?? 0) + (m.strength === 'exact' ? 10 : 1));
  }
  const top = (level: RegionLevel) =>
    [...counts].filter(([code]) => isLevel(code, level)).sort((a, b) => b[1] - a[1])[0]?.[0];
  const prefecture = top('PREFECTURE');
  const province = prefecture ? prefixOf(prefecture, 'PROVINCE') : top('PROVINCE');
  return { prefecture, province };
}

/**
 * The first chain of places named in [from, to) (大理州宾川县, 兰陵县大仲村镇王庄村): each unit
 * read inside the one before it. Organs count (宾川县委 names 宾川县).
 */
export function firstChain(
  scan: Scan,
  from: number,
  to: number,
  place: string | undefined,
): RegionMention[] {
  const ctx = (p?: string) => ({
    text: scan.text,
    home: scan.home,
    anchors: new Set<string>(),
    place: p,
  });
  const first = scanMentions(scan.index, ctx(place), from, to, 0).find(
    (m) => !isMedium(scan.text, m),
  );
  if (!first) return [];
  const chain = [first];
  for (;;) {
    const last = chain[chain.length - 1]!;
    // Scanned from the last unit itself, so a short name right after it may be read (城南镇新村).
    const next = scanMentions(
      scan.index,
      ctx(last.code),
      last.start,
      Math.min(to, last.end + LONGEST_FORM),
      0,
    ).find((m) => m.start === last.end);
    if (!next || next.start !== last.end || !next.code.startsWith(last.code)) return chain;
    chain.push(next);
  }
}

const fromMention = (m: RegionMention, where: string, confidence = m.confidence): Place => ({
  code: m.code,
  confidence,
  reason: `named “${m.form}” in ${where}`,
  candidates: m.candidates,
});

/** The report's own place: named in its title, else first in its body, else the home prefecture. */
export function scopeOf(scan: Scan, sections: readonly Section[]): Place {
  const title = titleLine(scan.text);
  const chain = title
    ? firstChain(scan, title.index, title.index + title.line.length, undefined)
    : [];
  const inTitle = chain[chain.length - 1] ?? (title && uniqueCounty(scan, title.line));
  if (inTitle) return fromMention(inTitle, 'the title');
  const body = sections[0]!;
  const lead = firstChain(scan, body.start, Math.min(body.end, body.start + 400), undefined).pop();
  if (lead && lead.level !== 'PROVINCE' && lead.level !== 'PREFECTURE')
    return fromMention(lead, 'the report’s first lines', Math.min(lead.confidence, 0.6));
  const code = scan.home.prefecture ?? scan.home.province ?? lead?.code;
  return {
    code,
    confidence: code ? 0.5 : 0,
    reason: code
      ? 'the prefecture (or province) the report names most'
      : 'the report names no place',
    candidates: [],
  };
}

/** The home a scope implies: its prefecture and province, where the text named none of its own. */
export function homeWithin(home: Home, scope: Place): Home {
  const code = scope.code;
  if (!code || code.length < CODE_LENGTH.PREFECTURE) return home;
  const prefecture = code.slice(0, CODE_LENGTH.PREFECTURE);
  return { prefecture, province: prefixOf(prefecture, 'PROVINCE') };
}

/** How far into a part its first sentences reach when they are read for its place. */
const LEAD_REACH = 200;

/** The place of each part, parents before children. */
export function partPlaces(
  text: string,
  sections: readonly Section[],
  index: FormIndex,
  home: Home,
): Place[] {
  let scan: Scan = { text, index, home };
  const places: Place[] = [];
  for (const s of sections) {
    if (s.kind === 'REPORT') {
      const scope = scopeOf(scan, sections);
      scan = { ...scan, home: homeWithin(home, scope) };
      places.push(scope);
    } else places.push(placeOfPart(scan, s, places[s.parent ?? 0]!));
  }
  return places;
}

function placeOfPart(scan: Scan, s: Section, parent: Place): Place {
  const headEnd = s.start + s.head.length + (s.kind === 'ENTRY' ? 2 : 0);
  const lead = Math.min(s.end, s.start + LEAD_REACH);
  const inherited = (why: string): Place => ({ ...parent, reason: `${why}: ${parent.reason}` });
  if (s.kind === 'HEADLINE' && s.parent === 0) {
    // A story (a brief under its headline) is about the place its first lines name; its headline
    // is read inside that place, where it may name a village (营丘镇红星村 … 昌乐县营丘镇).
    const first = firstChain(scan, headEnd, lead, parent.code).pop();
    const scope = resolvingScope(first?.code) ?? parent.code;
    const headed = firstChain(scan, s.start, headEnd, scope).pop();
    const finer = first && headed && first.code.startsWith(headed.code);
    if (headed && !finer && (!first || headed.code.startsWith(scope ?? '')))
      return fromMention(
        headed,
        first ? 'its headline, inside the place its story names' : 'its headline',
      );
    return first
      ? fromMention(first, 'the first lines of its story', first.confidence - 0.05)
      : inherited('its story names no place');
  }
  const named = firstChain(scan, s.start, headEnd, parent.code).pop();
  if (named) return fromMention(named, 'its heading');
  if (s.kind === 'SPEAKER')
    return speakerPlace(scan, s, lead) ?? inherited('no county named in the section');
  return inherited("within its heading's part");
}

/** An official's section is about the county (or county-level zone) its first lines name. */
function speakerPlace(scan: Scan, s: Section, lead: number): Place | undefined {
  const found = scanMentions(
    scan.index,
    { text: scan.text, home: scan.home, anchors: new Set() },
    s.start,
    lead,
    s.index,
  );
  const anchors = new Set(found.map((m) => m.code));
  const county = found.find((m) => m.level === 'COUNTY') ?? zoneMention(scan, s, anchors);
  if (!county) return undefined;
  const where = county.start < s.start + s.head.length ? 'its speaker line' : 'its first sentences';
  return {
    ...fromMention(county, where),
    reason: `the section's county, named “${county.form}” in ${where}`,
  };
}

/** The counties whose villages the report may name: those of its parts' places. */
export function countiesOf(places: readonly Place[]): string[] {
  return [
    ...new Set(
      places.flatMap((p) =>
        p.code && p.code.length >= CODE_LENGTH.COUNTY ? [p.code.slice(0, CODE_LENGTH.COUNTY)] : [],
      ),
    ),
  ];
}
