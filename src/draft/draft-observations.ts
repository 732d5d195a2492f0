import { slugOf } from '../core/slug';
import { type LocatedQuote, locateQuote, occurrences } from '../facts/citations';
import type { Citation, SeedItem } from '../facts/fact.schema';
import type {
  IndicatorProposal,
  RegionProposal,
  Section,
  Sentence,
  TimeProposal,
} from './draft-shapes';
import type { Vocabulary } from './draft-vocabulary';
import type { SentenceFigure } from './figures/figures-extract';
import { matchIndicator } from './figures/indicator-match';
import { pairRates, type RatePair } from './figures/rates-pair';
import { proposeTime } from './figures/time-proposals';
import { regionOfFigure } from './places/figure-region';
import type { Place, RegionMention } from './places/region-mentions';

/**
 * Figures made into seed observations, each with the review of its reading, indicator, region, time
 * and rate.
 */

export interface ObservationReview {
  readonly id: string;
  readonly value: number;
  readonly unit: string;
  readonly reported: string;
  readonly quote: string;
  /** Code-point offset of the quote in the source. */
  readonly offset: number;
  readonly confidence: number;
  readonly reason: string;
  readonly indicator: IndicatorProposal;
  readonly region: RegionProposal;
  readonly time: TimeProposal;
  readonly rate?: Omit<RatePair, 'rate' | 'numerator' | 'denominator'> & {
    numerator: string;
    denominator: string;
  };
}

export interface DraftedObservation {
  readonly item: SeedItem<'observations'>;
  readonly review: ObservationReview;
}

export interface ObservationContext {
  readonly text: string;
  readonly sourceId: string;
  readonly published: string;
  readonly sections: readonly Section[];
  readonly sentences: readonly Sentence[];
  readonly places: readonly Place[];
  readonly mentions: readonly RegionMention[];
  readonly vocabulary: Vocabulary;
  /** New indicators, by unit and name, filled as figures are matched. */
  readonly newIndicators: Map<string, IndicatorProposal>;
  /** Where a figure lands when no region is named anywhere near it. */
  readonly fallbackRegion?: string;
}

/**
 * The citation of a sentence: an object naming the source, with the occurrence when the sentence
 * stands more than once.
 */
export function citationOf(text: string, sourceId: string, sentence: Sentence): Citation {
  const all = occurrences(text, sentence.text);
  return all.length > 1
    ? { quote: sentence.text, source: sourceId, occurrence: all.indexOf(sentence.index) + 1 }
    : { quote: sentence.text, source: sourceId };
}

/**
 * One observation per figure that has a region; figures with none are returned apart, for the
 * non-figures with the reason.
 */
export function draftObservations(
  figures: readonly SentenceFigure[],
  c: ObservationContext,
): { drafted: DraftedObservation[]; unplaced: SentenceFigure[] } {
  const texts = new Map([[c.sourceId, c.text]]);
  const pairs = new Map(pairRates(figures).map((p) => [p.rate, p]));
  const ids = figures.map((_, i) => `${c.sourceId}-${String(i + 1).padStart(3, '0')}`);
  const drafted: DraftedObservation[] = [];
  const unplaced: SentenceFigure[] = [];
  figures.forEach((f, i) => {
    const region = regionOf(f, c);
    if (!region) {
      unplaced.push(f);
      return;
    }
    const citation = citationOf(c.text, c.sourceId, f.sentence);
    const quote = locateQuote(citation, texts) as LocatedQuote;
    const indicator = matchIndicator(
      f.label,
      f.noun,
      f.unit,
      c.vocabulary.indicators,
      c.newIndicators,
    );
    const time = proposeTime({
      text: c.text,
      sourceId: c.sourceId,
      published: c.published,
      sentence: f.sentence,
      sentences: c.sentences,
      sections: c.sections,
      figureEnd: f.end,
      unit: f.unit,
      quote,
    });
    const id = `${ids[i]}-${slugOf(indicator.code.replace(/^draft_/, ''))}`;
    ids[i] = id;
    drafted.push({
      item: observationItem(f, id, indicator.code, region.code, time, citation),
      review: reviewOf(f, { id, indicator, region, time }, pairs.get(i)),
    });
  });
  return { drafted: linkRates(drafted, ids), unplaced };
}

/** The region named nearest the figure, else the report's own (at low confidence), else none. */
function regionOf(f: SentenceFigure, c: ObservationContext): RegionProposal | undefined {
  const found = regionOfFigure(c, f.sentence, f.start);
  if (found.code) return found;
  return c.fallbackRegion
    ? {
        ...found,
        code: c.fallbackRegion,
        confidence: 0.2,
        reason: "no region named near it: the report's prefecture or province",
      }
    : undefined;
}

/**
 * The review of a figure's reading; a rate's counts are still positions here (linkRates makes them
 * ids).
 */
function reviewOf(
  f: SentenceFigure,
  proposed: Pick<ObservationReview, 'id' | 'indicator' | 'region' | 'time'>,
  pair: RatePair | undefined,
): ObservationReview {
  return {
    id: proposed.id,
    value: f.value,
    unit: f.unit,
    reported: f.reported,
    quote: f.sentence.text,
    offset: f.sentence.offset,
    confidence: f.confidence,
    reason: f.reason,
    indicator: proposed.indicator,
    region: proposed.region,
    time: proposed.time,
    ...(pair && {
      rate: {
        confidence: pair.confidence,
        reason: pair.reason,
        numerator: String(pair.numerator),
        denominator: String(pair.denominator),
      },
    }),
  };
}

function observationItem(
  f: SentenceFigure,
  id: string,
  indicator: string,
  region: string,
  time: TimeProposal,
  citation: Citation,
): SeedItem<'observations'> {
  return {
    id,
    indicator,
    value: f.value,
    unit: f.unit,
    qualifier: f.qualifier,
    time: time.time,
    ...(time.period && { period: time.period }),
    region,
    ...(f.comparison && {
      comparison: {
        kind: f.comparison.kind,
        ...(f.comparison.basePeriod && { basePeriod: f.comparison.basePeriod }),
      },
    }),
    ...(f.scope && { scope: f.scope }),
    reported: f.reported,
    ...(f.reportedOccurrence && { reportedOccurrence: f.reportedOccurrence }),
    citations: [citation],
  };
}

/**
 * Rates point at their counts by observation id (the positions become ids once every figure has
 * one).
 */
function linkRates(drafted: DraftedObservation[], ids: readonly string[]): DraftedObservation[] {
  const present = new Set(drafted.map((d) => d.item.id));
  return drafted.map((d) => {
    const rate = d.review.rate;
    if (!rate) return d;
    const numerator = ids[Number(rate.numerator)]!;
    const denominator = ids[Number(rate.denominator)]!;
    if (!present.has(numerator) || !present.has(denominator))
      return { ...d, review: { ...d.review, rate: undefined } };
    return {
      item: { ...d.item, numerator, denominator },
      review: { ...d.review, rate: { ...rate, numerator, denominator } },
    };
  });
}
