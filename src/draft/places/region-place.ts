import { CODE_LENGTH, parentCode } from '../../core/region-codes';
import type { RegionProposal, Section } from '../draft-shapes';
import type { FormIndex } from './region-forms';
import { type Home, type Place, type RegionMention, scanMentions } from './region-mentions';

/** Mentions through the whole report, part by part, and the regions they name. */

/**
 * Where a part's names are resolved: its place, widened to the county when it is a township or
 * village (a story about one village names its neighbours too).
 */
export const resolvingScope = (code?: string): string | undefined =>
  code && code.length > CODE_LENGTH.COUNTY ? code.slice(0, CODE_LENGTH.COUNTY) : code;

/** Two passes: names in full first (they anchor the bare ones: 五华区 before 五华), then every form. */
export function resolveMentions(
  text: string,
  sections: readonly Section[],
  places: readonly Place[],
  index: FormIndex,
  home: Home,
): RegionMention[] {
  const pass = (anchors: ReadonlySet<string>) =>
    sections.flatMap((s) =>
      scanMentions(
        index,
        { text, home, anchors, place: resolvingScope(places[s.index]?.code) },
        s.start,
        s.end,
        s.index,
      ),
    );
  const anchors = new Set(
    pass(new Set())
      .filter((m) => m.strength !== 'bare')
      .map((m) => m.code),
  );
  for (const p of places) if (p.code) anchors.add(p.code);
  return pass(anchors);
}

/**
 * One proposal per region named in the text, resolved under the section's place (or the township
 * named just before it).
 */
export function namedRegions(
  mentions: readonly RegionMention[],
  places: readonly Place[],
  names: ReadonlyMap<string, string>,
): RegionProposal[] {
  const out = new Map<string, RegionProposal>();
  mentions.forEach((m, i) => {
    if (out.has(m.code)) return;
    const prev = mentions[i - 1];
    const place = places[m.section]?.code;
    const within =
      prev && prev.end === m.start && m.code.startsWith(prev.code) && m.code !== prev.code
        ? prev.code
        : place && m.code.startsWith(place) && m.code !== place
          ? place
          : parentCode(m.code);
    const short = m.level === 'PROVINCE' || m.level === 'PREFECTURE';
    const why =
      m.strength === 'exact'
        ? 'its name'
        : m.strength === 'bare'
          ? 'its bare name, read in context'
          : short
            ? 'its short name'
            : 'its name with another kind word (a renamed or converted unit)';
    const unsure =
      m.candidates.length > 0 && m.confidence < 0.7
        ? `; other units with this name: ${m.candidates.join(', ')}`
        : '';
    out.set(m.code, {
      code: m.code,
      mention: m.form,
      officialName: names.get(m.code) ?? '',
      within,
      confidence: m.confidence,
      reason: `“${m.form}”: ${why}${within ? `, resolved under ${within}` : ''}${unsure}`,
      candidates: m.candidates,
    });
  });
  return [...out.values()];
}
