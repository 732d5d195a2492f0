import { sha256 } from '../core/digest';
import { DocumentError } from './document-error';
import { type DocumentKind, documentKind, MEDIA_TYPES } from './document-kinds';
import { docxText } from './docx-text';
import { htmlText } from './html-text';
import { pdfText } from './pdf-text';
import { declaredCharset, decodeText } from './text-decode';
import { normalizeLayout } from './text-layout';

/**
 * A report file as the drafter reads it. Quotes and offsets refer to `text`, which is stored. A
 * text file's text is kept as its author typed it (only its line ends made LF); the text taken
 * out of a page, a Word file or a PDF is laid out in one way (text-layout.ts), since its spaces
 * and line breaks are the extractor's, not the author's.
 */
export interface ReportDocument {
  readonly kind: DocumentKind;
  readonly mediaType: string;
  /** The extracted text, in the one layout of every form (see text-layout). */
  readonly text: string;
  readonly textSha256: string;
  /** The file as received, so the stored text can be traced to it. */
  readonly fileName: string;
  readonly fileSha256: string;
  readonly fileBytes: number;
  /** The page's title, for HTML; the first line stands for it otherwise. */
  readonly title: string | null;
}

/** Reports larger than this are refused before they are parsed (a county report is < 1 MB). */
export const MAX_REPORT_BYTES = 20 * 1024 * 1024;

async function extract(kind: DocumentKind, bytes: Uint8Array, name: string) {
  switch (kind) {
    case 'TEXT':
      return { text: decodeText(bytes, name), title: null };
    case 'HTML':
      return htmlText(decodeText(bytes, name, declaredCharset(bytes)));
    case 'DOCX':
      return { text: await docxText(bytes, name), title: null };
    case 'PDF':
      return { text: await pdfText(bytes, name), title: null };
  }
}

export async function readDocument(bytes: Uint8Array, fileName: string): Promise<ReportDocument> {
  if (bytes.length > MAX_REPORT_BYTES)
    throw new DocumentError(
      'TOO_LARGE',
      `${fileName} is ${bytes.length} bytes; a report may have ${MAX_REPORT_BYTES}`,
    );
  const kind = documentKind(bytes, fileName);
  const { text: raw, title } = await extract(kind, bytes, fileName);
  const text = kind === 'TEXT' ? raw.replace(/\r\n?/g, '\n') : normalizeLayout(raw);
  if (!text.trim()) throw new DocumentError('EMPTY', `${fileName} holds no text`);
  return {
    kind,
    mediaType: MEDIA_TYPES[kind],
    text,
    textSha256: sha256(text),
    fileName,
    fileSha256: sha256(bytes),
    fileBytes: bytes.length,
    title,
  };
}
