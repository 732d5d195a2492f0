import { tonedPinyin } from '../core/romanise';
import { occurrences } from '../facts/citations';
import type { SeedItem } from '../facts/fact.schema';
import { nameRegion } from '../region/region-names';
import { citationOf, type DraftedObservation, draftObservations } from './draft-observations';
import type {
  IndicatorProposal,
  Mention,
  NonFigure,
  RegionProposal,
  Section,
  Sentence,
} from './draft-shapes';
import type { Vocabulary } from './draft-vocabulary';
import { extractFigures, type SentenceFigure } from './figures/figures-extract';
import type { NameSpan } from './figures/nonfigure.rules';
import { DEFINITIONS } from './figures/unit-definitions';
import { candidateModels, knownMentions, knownNameSpans } from './mentions';
import type { Home, Place, RegionMention } from './places/region-mentions';
import { namedRegions } from './places/region-place';
import type { SourceDraft } from './source-meta';

/** A new indicator the figures need, as a seed item (none for a known one). */
const indicatorItems = (p: IndicatorProposal): Array<SeedItem<'indicators'>> =>
  p.proposed
    ? [
        {
          code: p.code,
          name: p.proposed.name,
          nameEn: p.proposed.nameEn,
          unit: p.proposed.unit,
          higherIsBetter: null,
          description: `Proposed by the drafter: ${p.reason}`,
        },
      ]
    : [];

const UNPLACED = 'the drafter could place in no region: record it by hand';

/** A figure placed in no region is listed among the non-figures, for the editor to record. */
const unplacedNote = (f: SentenceFigure): NonFigure => ({
  start: f.start,
  end: f.end,
  confidence: 0.2,
  reason: `a figure (${f.reason}) ${UNPLACED}`,
});

/** Whether a non-figure is a figure placed in no region (which the editor records by hand). */
export const isUnplaced = (n: NonFigure): boolean => n.reason.endsWith(UNPLACED);

/**
 * Everything a draft holds, built from the report and what was resolved of it. Pure: no files, no
 * gazetteer reads.
 */

export interface DraftInput {
  readonly text: string;
  readonly source: SourceDraft;
  readonly sentences: readonly Sentence[];
  readonly sections: readonly Section[];
  readonly vocabulary: Vocabulary;
  readonly home: Home;
  readonly places: readonly Place[];
  readonly mentions: readonly RegionMention[];
  /** Official names of the gazetteer units the draft may name. */
  readonly officialNames: ReadonlyMap<string, string>;
}

export interface Draft {
  readonly source: SourceDraft;
  readonly text: string;
  readonly observations: readonly DraftedObservation[];
  readonly indicators: ReadonlyArray<SeedItem<'indicators'>>;
  readonly units: ReadonlyArray<SeedItem<'units'>>;
  readonly regions: ReadonlyArray<{
    readonly item: SeedItem<'regions'>;
    readonly review: RegionProposal;
  }>;
  readonly models: ReadonlyArray<{ readonly item: SeedItem<'models'>; readonly review: Mention }>;
  readonly mentions: readonly Mention[];
  readonly nonFigures: ReadonlyArray<{
    readonly item: SeedItem<'nonFigures'>;
    readonly review: NonFigure;
  }>;
}

export function buildDraft(input: DraftInput): Draft {
  const { text, vocabulary } = input;
  const sourceId = input.source.entry.id;
  const regionSpans: NameSpan[] = input.mentions.map((m) => ({
    start: m.start,
    end: m.end,
    name: m.form,
    kind: 'region',
  }));
  const extraction = extractFigures(text, input.sentences, [
    ...knownNameSpans(text, vocabulary.names),
    ...regionSpans,
  ]);
  const newIndicators = new Map<string, IndicatorProposal>();
  const { drafted, unplaced } = draftObservations(extraction.figures, {
    text,
    sourceId,
    published: input.source.entry.published.slice(0, 10),
    sections: input.sections,
    sentences: input.sentences,
    places: input.places,
    mentions: input.mentions,
    vocabulary,
    newIndicators,
    fallbackRegion: input.home.prefecture ?? input.home.province,
  });
  const unplacedNotes = unplaced.map(unplacedNote);
  const models = candidateModels(text, input.sentences, vocabulary.names).map((m) => ({
    item: modelItem(m, text, sourceId, input.sentences),
    review: m,
  }));
  return {
    source: input.source,
    text,
    observations: drafted,
    indicators: [...newIndicators.values()].flatMap(indicatorItems),
    units: newUnits(drafted, vocabulary),
    regions: namedRegions(input.mentions, input.places, input.officialNames).map((r) => ({
      item: regionItem(r),
      review: r,
    })),
    models,
    mentions: knownMentions(text, input.sentences, vocabulary.names),
    nonFigures: [...extraction.nonFigures, ...unplacedNotes].map((n) => ({
      item: nonFigureItem(text, sourceId, n, input.sentences),
      review: n,
    })),
  };
}

/** Units the figures use that the vocabulary lacks, from the drafter's definitions. */
function newUnits(
  drafted: readonly DraftedObservation[],
  vocabulary: Vocabulary,
): Array<SeedItem<'units'>> {
  const known = new Set(vocabulary.units.map((u) => u.code));
  const used = new Set(drafted.map((d) => d.item.unit));
  return DEFINITIONS.filter((d) => used.has(d.code) && !known.has(d.code)).map((d) => ({ ...d }));
}

function regionItem(r: RegionProposal): SeedItem<'regions'> {
  const naming = nameRegion(r.code, r.officialName || r.mention);
  const aliases =
    r.mention && r.mention !== naming.name && r.mention !== r.officialName
      ? [r.mention]
      : undefined;
  return {
    code: r.code,
    name: naming.name,
    ...(r.within && { within: r.within }),
    nameEn: naming.nameEn,
    pinyin: naming.pinyin,
    ...(aliases && { aliases }),
    note: `Drafted (confidence ${r.confidence}): ${r.reason}`,
  };
}

function modelItem(
  m: Mention,
  text: string,
  sourceId: string,
  sentences: readonly Sentence[],
): SeedItem<'models'> {
  const sentence = sentences.find((s) => s.offset === m.offset && s.text === m.quote)!;
  const kindEn = {
    EXPERIENCE: 'Experience',
    MECHANISM: 'Mechanism',
    PROGRAMME: 'Project',
    MODEL: 'Model',
    PLATFORM: 'Platform',
  }[m.modelKind ?? 'MODEL'];
  const stem = m.key
    .split('-')
    .slice(0, -1)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
  return {
    slug: m.key,
    name: m.name,
    nameEn: `${stem} ${kindEn}`.trim(),
    pinyin: tonedPinyin(m.name),
    kind: m.modelKind ?? 'MODEL',
    summary: `候选新模式(起草程序提出,待编辑审核):${m.reason}。`,
    citations: [citationOf(text, sourceId, sentence)],
  };
}

/**
 * How far a non-figure's text reaches either side of its number, so it names the place without
 * swallowing a figure.
 */
const NON_FIGURE_REACH = 3;

function nonFigureItem(
  text: string,
  sourceId: string,
  n: NonFigure,
  sentences: readonly Sentence[],
): SeedItem<'nonFigures'> {
  const s = sentences.find((x) => n.start >= x.index && n.start < x.index + x.text.length);
  const lo = s ? s.index : 0;
  const hi = s ? s.index + s.text.length : text.length;
  let from = Math.max(lo, n.start - NON_FIGURE_REACH);
  let to = Math.min(hi, n.end + NON_FIGURE_REACH);
  while (from < n.start && /\s/.test(text[from]!)) from += 1;
  while (to > n.end && /\s/.test(text[to - 1]!)) to -= 1;
  const words = text.slice(from, to);
  const all = occurrences(text, words);
  return {
    source: sourceId,
    text: words,
    ...(all.length > 1 && { occurrence: all.indexOf(from) + 1 }),
    reason: n.reason,
  };
}
