import { isLevel, prefixOf } from '../../core/region-codes';
import type { RegionLevel } from '../../core/vocabulary';
import type { Section } from '../draft-shapes';
import { type FormIndex, LONGEST_FORM } from './region-forms';
import { type Home, type Place, type RegionMention, scanMentions } from './region-mentions';

/**
 * Where the report is from and where each of its sections is: read from the region mentions its
 * head and first sentences hold.
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
 * The county (or county-level zone) each section is about: named in its speaker line, else in its
 * first sentences.
 */
export function sectionPlaces(
  text: string,
  sections: readonly Section[],
  index: FormIndex,
  home: Home,
): Place[] {
  return sections.map((s) => {
    if (s.head === '' && s.index === 0)
      return {
        code: home.prefecture ?? home.province,
        confidence: 0.6,
        reason: 'the part before the first speaker line: the prefecture the report names most',
        candidates: [],
      };
    const lead = text.slice(s.start, Math.min(s.end, s.start + 200));
    const found = scanMentions(
      index,
      { text, home, anchors: new Set() },
      s.start,
      s.start + lead.length,
      s.index,
    );
    const zoneAnchors = new Set(found.map((m) => m.code));
    const county =
      found.find((m) => m.level === 'COUNTY') ?? zoneMention(text, index, home, s, zoneAnchors);
    if (!county)
      return {
        code: home.prefecture,
        confidence: 0.4,
        reason: "no county named at the section head: the report's prefecture",
        candidates: [],
      };
    const where =
      county.start < s.start + s.head.length ? 'its speaker line' : 'its first sentences';
    return {
      code: county.code,
      confidence: county.confidence,
      reason: `the section's county, named “${county.form}” in ${where}`,
      candidates: county.candidates,
    };
  });
}

/** A county-level zone named at a section head by a township-level form (阳宗海管委会 → 昆明阳宗海风景名胜区). */
function zoneMention(
  text: string,
  index: FormIndex,
  home: Home,
  s: Section,
  anchors: Set<string>,
): RegionMention | undefined {
  const head = s.head || text.slice(s.start, s.start + 60);
  for (let at = 0; at < head.length; at += 1) {
    for (let length = Math.min(LONGEST_FORM, head.length - at); length >= 3; length -= 1) {
      const forms = (index.get(head.slice(at, at + length)) ?? []).filter(
        (f) => f.level === 'TOWNSHIP' && f.code.startsWith(home.prefecture ?? home.province ?? '-'),
      );
      if (forms.length === 1) {
        const f = forms[0]!;
        anchors.add(f.code);
        return {
          start: s.start + at,
          end: s.start + at + length,
          form: f.form,
          code: f.code,
          level: f.level,
          strength: f.strength,
          candidates: [],
          confidence: 0.6,
          section: s.index,
          organ: false,
        };
      }
    }
  }
  return undefined;
}
