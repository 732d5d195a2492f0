import type { Section } from '../draft-shapes';
import { type FormIndex, LONGEST_FORM } from './region-forms';
import type { Home, RegionMention } from './region-mentions';

/**
 * Places read from a title or a section head by their forms alone, where a scan of sentences
 * would not read them: a county by a short name, a county-level zone by its office.
 */

export interface Scan {
  readonly text: string;
  readonly index: FormIndex;
  readonly home: Home;
}

/**
 * A county the title opens with by a short or bare name (歙县2023年…, 竹溪年鉴) that no other
 * county has: a report's own title may name its county so, where a sentence could not. The name
 * must be followed by a year, 年鉴 or a kind word (平安建设 names no 平安区).
 */
export function uniqueCounty(scan: Scan, title: string): RegionMention | undefined {
  for (let length = Math.min(LONGEST_FORM, title.length); length >= 2; length -= 1) {
    const form = title.slice(0, length);
    const named =
      /[县区市旗]$/.test(form) || /^(?:[((]?\d{4}|年鉴|[县区市旗])/.test(title.slice(length));
    const counties = (scan.index.get(form) ?? []).filter((f) => f.level === 'COUNTY');
    if (!named || new Set(counties.map((f) => f.code)).size !== 1) continue;
    const f = counties[0]!;
    const start = scan.text.indexOf(title);
    return {
      start,
      end: start + length,
      form,
      code: f.code,
      level: f.level,
      strength: f.strength,
      candidates: [],
      confidence: 0.6,
      section: 0,
      organ: false,
    };
  }
  return undefined;
}

/** A county-level zone named at a section head by a township-level form (阳宗海管委会 → 昆明阳宗海风景名胜区). */
export function zoneMention(
  scan: Scan,
  s: Section,
  anchors: Set<string>,
): RegionMention | undefined {
  const { text, index, home } = scan;
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
