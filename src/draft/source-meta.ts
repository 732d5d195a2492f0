import { slugOf } from '../core/slug';
import type { ReportDocument } from '../document/document-read';
import type { SeedItem } from '../facts/fact.schema';
import { isSpeakerLine, titleLine } from '../facts/report-parts';
import type { Judged } from './draft-shapes';

/**
 * The report as a source: its id, title, author, date and kind read from its own lines; the text
 * the drafter read (stored as `<id>.txt`) with its sha256, and the file as received.
 */

export interface SourceDraft {
  readonly entry: SeedItem<'sources'>;
  /** How each field was found. */
  readonly review: Readonly<Record<string, Judged>>;
}

export interface SourceOptions {
  readonly id?: string;
  /** ISO date-time with offset, when the text does not state it. */
  readonly published?: string;
}

/**
 * An ASCII kebab-case id from a file name (kunming-2020-political-legal-highlights.txt → the same
 * without .txt).
 */
export function sourceIdOf(fileName: string, sha256: string): string {
  const id = slugOf(fileName.replace(/\.[^.]+$/, ''));
  return id || `report-${sha256.slice(0, 8)}`;
}

/**
 * The report's title: its first short line that is not page furniture (breadcrumbs, the by-line).
 */
function titleOf(text: string, pageTitle: string | null): Judged & { value: string } {
  if (pageTitle)
    return { value: pageTitle, confidence: 0.85, reason: "the page's headline (or its title)" };
  const title = titleLine(text);
  if (title)
    return {
      value: title.line,
      confidence: 0.8,
      reason: 'the first short line that is not a breadcrumb or by-line',
    };
  const first = text.split('\n').find((l) => l.trim() !== '');
  return {
    value: first?.trim().slice(0, 60) || 'untitled',
    confidence: 0.3,
    reason: 'no title line found: the first line',
  };
}

/**
 * The date the report gives itself (发布时间 2021-02-09 10:02, or the first full date), as ISO 8601 in
 * China time.
 */
function publishedOf(text: string, given?: string): Judged & { value: string } {
  if (given) return { value: given, confidence: 1, reason: 'given with --published' };
  const stamp = /发布时间[::]\s*(\d{4})-(\d{2})-(\d{2})(?:\s+(\d{2}):(\d{2}))?/.exec(text);
  if (stamp)
    return {
      value: `${stamp[1]}-${stamp[2]}-${stamp[3]}T${stamp[4] ?? '00'}:${stamp[5] ?? '00'}:00+08:00`,
      confidence: 0.9,
      reason: `the by-line: ${stamp[0]}`,
    };
  const date = /(\d{4})年(\d{1,2})月(\d{1,2})日/.exec(text);
  const pad = (n: string) => n.padStart(2, '0');
  if (date)
    return {
      value: `${date[1]}-${pad(date[2]!)}-${pad(date[3]!)}T00:00:00+08:00`,
      confidence: 0.3,
      reason: `no by-line date: the first full date in the text (${date[0]}); check it`,
    };
  return {
    value: '1970-01-01T00:00:00+08:00',
    confidence: 0,
    reason: 'the text states no date: give --published',
  };
}

/** The source entry of a report, and how each field was read. */
export function draftSource(doc: ReportDocument, options: SourceOptions = {}): SourceDraft {
  const { text } = doc;
  const id = options.id ?? sourceIdOf(doc.fileName, doc.fileSha256);
  const title = titleOf(text, doc.title);
  const published = publishedOf(text, options.published);
  const author = /作者[::]\s*([^\s]+)/.exec(text)?.[1];
  const publisher = /来源[::]\s*([^\s]+)/.exec(text)?.[1];
  const speakers = text.split('\n').some(isSpeakerLine);
  const kind = speakers ? 'OFFICIAL_SELF_REPORT_VIA_MEDIA' : 'MEDIA';
  const asReceived = doc.textSha256 === doc.fileSha256;
  return {
    entry: {
      id,
      file: asReceived ? doc.fileName : `${id}.txt`,
      title: title.value,
      ...(author && { author }),
      ...(publisher && { publisher }),
      published: published.value,
      language: 'zh',
      kind,
      sha256: doc.textSha256,
      ...(!asReceived && {
        original: {
          file: doc.fileName,
          mediaType: doc.mediaType,
          sha256: doc.fileSha256,
          bytes: doc.fileBytes,
        },
      }),
    },
    review: {
      id: {
        confidence: options.id ? 1 : 0.7,
        reason: options.id ? 'given with --id' : `from the file name ${doc.fileName}`,
      },
      title,
      published,
      kind: {
        confidence: 0.5,
        reason: speakers
          ? 'officials report their own work (speaker lines), carried by a medium'
          : 'no speaker lines: a media report',
      },
      sha256: {
        confidence: 1,
        reason: asReceived
          ? 'of the file as received, which is the text read'
          : `of the text read from the ${doc.kind} file (the file's own sha256 is under original)`,
      },
    },
  };
}
