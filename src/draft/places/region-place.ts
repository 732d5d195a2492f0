import { parentCode } from '../../core/region-codes';
import type { RegionProposal, Section, Sentence } from '../draft-shapes';
import { commonAncestor, type FormIndex } from './region-forms';
import { type Home, type Place, type RegionMention, scanMentions } from './region-mentions';

/**
 * Mentions through the whole report, section by section, and the region each figure is proposed
 * for.
 */

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
        { text, home, anchors, place: places[s.index]?.code },
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

/** Mentions at or below the section's place (the places a figure of this section can be in). */
const local = (m: RegionMention, place?: string): boolean =>
  !m.organ && (place === undefined || m.code.startsWith(place));

/**
 * The region of a figure: the nearest place named before it in its sentence (a list of places
 * named together gives the unit that holds them all), else the first named after it, else the
 * section's county.
 */
export function regionOfFigure(
  mentions: readonly RegionMention[],
  sentence: Sentence,
  at: number,
  place: Place,
): RegionProposal {
  const inSentence = mentions.filter(
    (m) =>
      m.start >= sentence.index &&
      m.end <= sentence.index + sentence.text.length &&
      local(m, place.code),
  );
  const before = inSentence.filter((m) => m.end <= at);
  const nearest = before[before.length - 1];
  if (nearest) {
    const list = enumeration(before, sentence, nearest);
    if (list.length > 1) {
      const code = commonAncestor(list.map((m) => m.code))!;
      return proposal(
        code,
        list.map((m) => m.form).join('、'),
        Math.min(...list.map((m) => m.confidence)) - 0.1,
        `the unit holding the places listed before it (${list.map((m) => m.form).join('、')})`,
        [],
      );
    }
    return proposal(
      nearest.code,
      nearest.form,
      nearest.confidence,
      `named “${nearest.form}” before it in its sentence`,
      nearest.candidates,
    );
  }
  const after = inSentence.find((m) => m.start >= at);
  if (after)
    return proposal(
      after.code,
      after.form,
      after.confidence - 0.1,
      `named “${after.form}” after it in its sentence`,
      after.candidates,
    );
  if (!place.code) return proposal('', '', 0, 'no region named in the sentence or its section', []);
  return proposal(place.code, '', Math.min(place.confidence, 0.7), place.reason, place.candidates);
}

/**
 * The places listed together with the nearest one (棕树营、金碧两个街道; 昆阳街道旧寨、晋城镇福安): joined by 、 or 和, a
 * township before its village counting as one item.
 */
function enumeration(
  before: readonly RegionMention[],
  sentence: Sentence,
  nearest: RegionMention,
): RegionMention[] {
  const list = [nearest];
  let head = nearest;
  for (let i = before.length - 2; i >= 0; i -= 1) {
    const m = before[i]!;
    const gap = sentence.text.slice(m.end - sentence.index, head.start - sentence.index);
    if (gap === '' && head.code.startsWith(m.code)) {
      head = m;
      continue;
    }
    if (!/^[、和及与]$/.test(gap)) break;
    list.unshift(m);
    head = m;
  }
  return new Set(list.map((m) => m.code)).size > 1 ? list : [nearest];
}

const proposal = (
  code: string,
  mention: string,
  confidence: number,
  reason: string,
  candidates: readonly string[],
): RegionProposal => ({
  code,
  mention,
  officialName: '',
  confidence: Math.max(0.1, Math.round(confidence * 100) / 100),
  reason,
  candidates,
});

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
