/**
 * A report cut into the parts its headings open, whatever its form: an official's section
 * (…区委政法委书记李江:), a numbered heading of a work report (一、 (一) 1. (1)), a yearbook
 * entry (【矛盾纠纷化解】), a news brief's headline. Each part knows the part it sits in, so a
 * part that names no place of its own is about its parent's.
 */

/** What opened a part: the report itself, an official's speaker line, a yearbook entry, a numbered heading, a headline. */
export type PartKind = 'REPORT' | 'SPEAKER' | 'ENTRY' | 'NUMBERED' | 'HEADLINE';

/** A part of the report: the report itself, or one a heading opens. */
export interface Section {
  readonly index: number;
  readonly start: number;
  readonly end: number;
  /** The heading's words ('' for the report itself). */
  readonly head: string;
  readonly kind: PartKind;
  /** 0 for the report; a heading opens a part inside the nearest earlier one of lower level. */
  readonly level: number;
  /** The part this one sits in (none for the report itself). */
  readonly parent?: number;
}

/** A speaker line opens an official's section: short, no sentence punctuation, ends with a colon. */
const SPEAKER = /^[^。!?;,,]{2,40}[::]$/;
/** Punctuation a sentence has; a line without any is a heading (a title, a headline, a by-line). */
const SENTENCE_PUNCTUATION = /[。!?;,,!?;]/;
/** The longest heading line; a longer line is prose, even without a full stop. */
const MAX_HEADING = 40;
/** Page furniture and by-lines: they never open a part or stand for the title. */
const FURNITURE = /当前位置|首页|[>/]|作者|来源|发布时间|编辑|责任编辑|字号|浏览|点击/;
const CHINESE_ORDINAL = '[一二三四五六七八九十]+';

/** Numbered headings, outermost first: 一、 then (一) then 1. then (1). */
const NUMBERED: ReadonlyArray<readonly [RegExp, number]> = [
  [new RegExp(`^${CHINESE_ORDINAL}[、.．]`), 2],
  [new RegExp(`^[((]${CHINESE_ORDINAL}[))]`), 3],
  [/^\d{1,2}(?:[、．]|\.(?!\d))/, 4],
  [/^[((]\d{1,2}[))]/, 5],
];
const ENTRY = /^【([^】\n]{1,30})】/;
/** Levels: the report itself, then officials' sections and yearbook entries, numbered headings, headlines. */
const LEVEL: Record<Exclude<PartKind, 'NUMBERED'>, number> = {
  REPORT: 0,
  SPEAKER: 1,
  ENTRY: 1,
  HEADLINE: 6,
};

export const isSpeakerLine = (line: string): boolean => SPEAKER.test(line.trim());

/** A table's row (cells parted by tabs) is never a heading. */
export const isHeading = (line: string): boolean =>
  line.length <= MAX_HEADING &&
  !line.includes('\t') &&
  (isSpeakerLine(line) || !SENTENCE_PUNCTUATION.test(line));

const isFurniture = (line: string): boolean => FURNITURE.test(line);

/** The title: the first short line that is not page furniture or a speaker line. */
export function titleLine(text: string): { line: string; index: number } | undefined {
  let at = 0;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line && line.length <= 60 && !isFurniture(line) && !isSpeakerLine(line))
      return { line, index: at + raw.indexOf(line) };
    at += raw.length + 1;
  }
  return undefined;
}

interface Opening {
  readonly kind: PartKind;
  readonly level: number;
  readonly head: string;
}

/** The part a line opens, if any: its kind, level and heading words. */
function opening(line: string): Opening | undefined {
  if (line.includes('\t')) return undefined;
  if (isSpeakerLine(line)) return { kind: 'SPEAKER', level: LEVEL.SPEAKER, head: line };
  const entry = ENTRY.exec(line);
  if (entry) return { kind: 'ENTRY', level: LEVEL.ENTRY, head: entry[1]!.trim() };
  for (const [pattern, level] of NUMBERED) {
    const m = pattern.exec(line);
    // The heading's words run to the first full stop (1.强化源头预防。全县…): an inline heading.
    if (m) return { kind: 'NUMBERED', level, head: line.split(/[。::;;]/)[0]!.trim() };
  }
  if (isHeading(line) && !isFurniture(line))
    return { kind: 'HEADLINE', level: LEVEL.HEADLINE, head: line };
  return undefined;
}

/**
 * The parts of a report: the report itself (its title and whatever precedes the first heading
 * after it), then one per heading, each with the nearest earlier part of a lower level as parent.
 */
export function sections(text: string): Section[] {
  const title = titleLine(text);
  const starts: Array<Omit<Section, 'index' | 'end'>> = [
    { start: 0, head: '', kind: 'REPORT', level: 0 },
  ];
  let at = 0;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    const open = line && (!title || at > title.index) ? opening(line) : undefined;
    if (open) {
      const start = at + raw.indexOf(line);
      let parent = starts.length - 1;
      while (parent > 0 && starts[parent]!.level >= open.level) parent = starts[parent]!.parent!;
      starts.push({ start, ...open, parent });
    }
    at += raw.length + 1;
  }
  return starts.map((s, i) => ({ ...s, index: i, end: starts[i + 1]?.start ?? text.length }));
}

/** The section a UTF-16 index lies in. */
export const sectionAt = (list: readonly Section[], index: number): Section =>
  list.find((s) => index >= s.start && index < s.end) ?? list[list.length - 1]!;

/**
 * The headings that govern a place in the report, innermost first: the first line of every part
 * it sits in, and the report's title. A year they state (某县2023年工作总结, 一、2023年工作回顾)
 * holds for the figures under them; a year in a paragraph only for its own part.
 */
export function governingHeads(
  text: string,
  at: number,
  list: readonly Section[] = sections(text),
): string[] {
  const outer = lineage(list, sectionAt(list, at)).slice(1);
  const firstLine = (p: Section) => text.slice(p.start, p.end).split('\n')[0]!;
  return outer.map((p) => (p.kind === 'REPORT' ? (titleLine(text)?.line ?? '') : firstLine(p)));
}

/** The text that governs a place: its part up to it, then the headings over it. */
export function governingText(
  text: string,
  at: number,
  list: readonly Section[] = sections(text),
): string {
  const own = sectionAt(list, at);
  return [...governingHeads(text, at, list).reverse(), text.slice(own.start, at)].join('\n');
}

/** A part and the parts it sits in, innermost first, up to the report. */
export function lineage(list: readonly Section[], part: Section): Section[] {
  const out = [part];
  for (let p = part.parent; p !== undefined; p = list[p]!.parent) out.push(list[p]!);
  return out;
}
