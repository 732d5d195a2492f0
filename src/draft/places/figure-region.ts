import { CODE_LENGTH, prefixOf } from '../../core/region-codes';
import type { RegionLevel } from '../../core/vocabulary';
import { lineage } from '../../facts/report-parts';
import type { RegionProposal, Section, Sentence } from '../draft-shapes';
import { commonAncestor } from './region-forms';
import { isMedium, type Place, type RegionMention } from './region-mentions';
import { resolvingScope } from './region-place';

/**
 * The region a figure is about, by the rules a reader applies:
 * 1. a scope word in its clause (全县, 全镇, 全市) names the unit of that level it sits in;
 * 2. else the nearest place named before it in its sentence (places listed together give the
 *    unit that holds them all);
 * 3. else the subject of its paragraph: the last place that opened a sentence of it so far
 *    (大营镇……。全年化解纠纷120件。);
 * 4. else the first place named after it in its sentence;
 * 5. else the place of its part (its heading's, its story's, the report's).
 */

export interface FigureContext {
  readonly mentions: readonly RegionMention[];
  readonly sentences: readonly Sentence[];
  readonly sections: readonly Section[];
  readonly places: readonly Place[];
}

/** 全 + a kind word: the levels it may name, nearest first. */
const SCOPE_WORD = /全(县|区|市|州|盟|旗|镇|乡|街道|村|社区|省)(?:域|范围内)?/g;
const SCOPE_LEVELS: Record<string, readonly RegionLevel[]> = {
  县: ['COUNTY'],
  旗: ['COUNTY'],
  区: ['COUNTY', 'PROVINCE'],
  市: ['COUNTY', 'PREFECTURE'],
  州: ['PREFECTURE'],
  盟: ['PREFECTURE'],
  镇: ['TOWNSHIP'],
  乡: ['TOWNSHIP'],
  街道: ['TOWNSHIP'],
  村: ['VILLAGE'],
  社区: ['VILLAGE'],
  省: ['PROVINCE'],
};
const LENGTH_OF: Record<RegionLevel, number> = {
  PROVINCE: CODE_LENGTH.PROVINCE,
  PREFECTURE: CODE_LENGTH.PREFECTURE,
  COUNTY: CODE_LENGTH.COUNTY,
  TOWNSHIP: CODE_LENGTH.TOWNSHIP,
  VILLAGE: CODE_LENGTH.VILLAGE,
};
const RANK_WITHIN = /(位居|位列|位于|排名|排在|排|居于?|列|在)$/;
/** A kind word a unit's name ends in, for 全市 (a county-level city, or the prefecture). */
const ENDS_IN_CITY = /市$/;

/**
 * What may stand before a sentence's subject: a numbering, a time or linking adverbial and its
 * comma (2023年, 今年以来, 同时), a preposition (在, 据).
 */
const SUBJECT_LEAD =
  /^(?:[((]?[一二三四五六七八九十\d]{1,2}[))、.．]?)?(?:(?:\d{4}年|\d{1,2}月)?[^,,。;;:\d“”]{0,6}[,,])?(?:在|据|由|对|经)?$/;

/** Mentions a figure of this part may be in (not an organ's name, inside the part's scope). */
const local = (m: RegionMention, place?: string): boolean => {
  const scope = resolvingScope(place);
  return !m.organ && (scope === undefined || m.code.startsWith(scope));
};

const inside = (m: RegionMention, s: Sentence) =>
  m.start >= s.index && m.end <= s.index + s.text.length;

export function regionOfFigure(c: FigureContext, sentence: Sentence, at: number): RegionProposal {
  const part = c.sections[sentence.section]!;
  const place = c.places[part.index] ?? { confidence: 0, reason: '', candidates: [] };
  const inSentence = c.mentions.filter((m) => inside(m, sentence) && local(m, place.code));
  const subject = subjectOf(c, sentence, place);
  const scoped = byScopeWord(c, sentence, at, [
    ...inSentence
      .filter((m) => m.end <= at)
      .reverse()
      .map((m) => m.code),
    ...(subject ? [subject.code] : []),
    ...lineage(c.sections, part).flatMap((p) =>
      c.places[p.index]?.code ? [c.places[p.index]!.code!] : [],
    ),
  ]);
  if (scoped) return scoped;
  const before = inSentence.filter((m) => m.end <= at);
  const nearest = before[before.length - 1];
  if (nearest) {
    const list = enumeration(before, sentence, nearest);
    if (list.length > 1) {
      const forms = list.map((m) => m.form).join('、');
      return proposal(
        commonAncestor(list.map((m) => m.code))!,
        forms,
        Math.min(...list.map((m) => m.confidence)) - 0.1,
        `the unit holding the places listed before it (${forms})`,
        [],
      );
    }
    const why = `named “${nearest.form}” before it in its sentence`;
    return proposal(nearest.code, nearest.form, nearest.confidence, why, nearest.candidates);
  }
  if (subject) {
    const why = `the subject of its paragraph, “${subject.form}”`;
    return proposal(subject.code, subject.form, subject.confidence - 0.05, why, subject.candidates);
  }
  const after = inSentence.find((m) => m.start >= at);
  if (after) {
    const why = `named “${after.form}” after it in its sentence`;
    return proposal(after.code, after.form, after.confidence - 0.1, why, after.candidates);
  }
  if (!place.code) return proposal('', '', 0, 'no region named in the sentence or its part', []);
  return proposal(place.code, '', Math.min(place.confidence, 0.7), place.reason, place.candidates);
}

/**
 * The paragraph's subject so far: the last place that opens one of its sentences, up to and
 * including this one's opening.
 */
function subjectOf(c: FigureContext, sentence: Sentence, place: Place): RegionMention | undefined {
  let found: RegionMention | undefined;
  for (const s of c.sentences) {
    if (s.paragraph !== sentence.paragraph || s.index > sentence.index || s.heading) continue;
    const opener = c.mentions.find(
      (m) =>
        inside(m, s) &&
        !isMedium(s.text, { end: m.end - s.index }) &&
        m.code.startsWith(resolvingScope(place.code) ?? '') &&
        SUBJECT_LEAD.test(s.text.slice(0, m.start - s.index)),
    );
    if (opener) found = chainEnd(c.mentions, opener, s);
  }
  return found;
}

/** The last unit of a chain that starts at `m` (兰陵县大仲村镇 → 大仲村镇). */
function chainEnd(
  mentions: readonly RegionMention[],
  m: RegionMention,
  s: Sentence,
): RegionMention {
  let last = m;
  for (;;) {
    const next = mentions.find(
      (n) => n.start === last.end && inside(n, s) && n.code.startsWith(last.code),
    );
    if (!next || next.code === last.code) return last;
    last = next;
  }
}

/** A scope word just before the figure in its clause: the unit of that level in its context. */
function byScopeWord(
  c: FigureContext,
  sentence: Sentence,
  at: number,
  context: readonly string[],
): RegionProposal | undefined {
  const upTo = sentence.text.slice(0, at - sentence.index);
  const clause = upTo.split(/[,,。;;::]/).pop() ?? '';
  const word = [...clause.matchAll(SCOPE_WORD)].pop();
  // 位居全市第二 ranks the unit within the city: the scope of a rank, not the figure's place.
  if (
    !word ||
    RANK_WITHIN.test(clause.slice(0, word.index)) ||
    /^第|^前/.test(clause.slice(word.index! + word[0].length))
  )
    return undefined;
  for (const level of SCOPE_LEVELS[word[1]!]!) {
    const length = LENGTH_OF[level];
    const code = context.find((k) => k.length >= length);
    if (!code) continue;
    const unit = level === 'PROVINCE' ? prefixOf(code, 'PROVINCE') : code.slice(0, length);
    const form = c.mentions.find((m) => m.code === unit)?.form;
    if (word[1] === '市' && level === 'COUNTY' && !(form && ENDS_IN_CITY.test(form))) continue;
    return proposal(
      unit,
      form ?? '',
      0.75,
      `“${word[0]}” before it: the ${level.toLowerCase()} it is in`,
      [],
    );
  }
  return undefined;
}

/**
 * The places listed together with the nearest one (棕树营、金碧两个街道; 昆阳街道旧寨、晋城镇福安): joined by
 * 、 or 和, a township before its village counting as one item.
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
