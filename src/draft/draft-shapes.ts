import type {
  ComparisonKind,
  ModelKind,
  PeriodKind,
  Qualifier,
  UnitKind,
} from '../core/vocabulary';

/**
 * The shapes the drafter passes between its steps. Offsets are UTF-16 indices unless named `offset`
 * (code points).
 */

/** A sentence (or heading line) of the report, the unit a quote is made of. */
export interface Sentence {
  readonly text: string;
  /** UTF-16 index in the source. */
  readonly index: number;
  /** Code-point offset in the source (what a citation stores). */
  readonly offset: number;
  /** A line without sentence punctuation: a title, headline or speaker line. */
  readonly heading: boolean;
  /** Which part (0 = the report itself, before its first heading) the sentence sits in. */
  readonly section: number;
  /** Which paragraph (line) of the source. */
  readonly paragraph: number;
}

export type { PartKind, Section } from '../facts/report-parts';

/** A figure read from the text, before its indicator, region and time are proposed. */
export interface Figure {
  /** UTF-16 span of the number with its qualifier and unit (800余万元). */
  readonly start: number;
  readonly end: number;
  readonly value: number;
  readonly unit: string;
  readonly qualifier: Qualifier;
  /** The words of its clause up to it and the noun after it, for matching an indicator. */
  readonly label: string;
  /** The noun it counts (快审团队), when the text puts one beside it. */
  readonly noun: string;
  readonly comparison?: { readonly kind: ComparisonKind; readonly basePeriod?: string };
  readonly scope?: string;
  readonly confidence: number;
  readonly reason: string;
}

/** A number the drafter judged not a figure, with why. */
export interface NonFigure {
  readonly start: number;
  readonly end: number;
  readonly reason: string;
  readonly confidence: number;
}

/** A proposal's confidence (0–1) and the reason an editor reads. */
export interface Judged {
  readonly confidence: number;
  readonly reason: string;
}

export interface TimeProposal extends Judged {
  readonly time: PeriodKind;
  readonly period?: string;
}

export interface RegionProposal extends Judged {
  readonly code: string;
  /** The words of the text that name it, or '' when it comes from the section. */
  readonly mention: string;
  readonly officialName: string;
  /** The parent it was resolved under (the section's county, or the township named before it). */
  readonly within?: string;
  /** Other codes the words could name, when the drafter was unsure. */
  readonly candidates: readonly string[];
}

export interface IndicatorProposal extends Judged {
  readonly code: string;
  /** A new indicator, written to the draft's own indicators file. */
  readonly proposed?: { readonly name: string; readonly nameEn: string; readonly unit: string };
}

/** A name found in the text: a known model, principle or organisation, or a candidate new model. */
export interface Mention extends Judged {
  readonly kind: 'model' | 'principle' | 'organization' | 'candidate-model';
  readonly key: string;
  readonly name: string;
  readonly quote: string;
  readonly offset: number;
  readonly modelKind?: ModelKind;
}

/** The units the drafter knows how to write when the vocabulary lacks them. */
export interface UnitDefinition {
  readonly code: string;
  readonly name: string;
  readonly nameEn: string;
  readonly kind: UnitKind;
}
