import { DocumentError } from './document-error';

/** The forms a report reaches an editor in. */
export const DOCUMENT_KINDS = ['TEXT', 'HTML', 'DOCX', 'PDF'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const MEDIA_TYPES: Readonly<Record<DocumentKind, string>> = {
  TEXT: 'text/plain',
  HTML: 'text/html',
  DOCX: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  PDF: 'application/pdf',
};

const EXTENSIONS: Readonly<Record<string, DocumentKind>> = {
  txt: 'TEXT',
  text: 'TEXT',
  html: 'HTML',
  htm: 'HTML',
  docx: 'DOCX',
  pdf: 'PDF',
};

/** The kind a file name claims by its extension, if it is one the drafter reads. */
export function kindOfName(name: string): DocumentKind | null {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  return (ext && EXTENSIONS[ext]) || null;
}

const startsWith = (bytes: Uint8Array, magic: string): boolean =>
  bytes.length >= magic.length && [...magic].every((c, i) => bytes[i] === c.charCodeAt(0));

/**
 * What the bytes are, by their signature: a PDF and a zip (a .docx is one) say so in their first
 * bytes; anything else is text, HTML or not. A .doc (OLE) or an image is named as such, so the
 * editor hears what to do rather than "unreadable".
 */
export function sniff(bytes: Uint8Array): 'PDF' | 'ZIP' | 'OLE' | 'IMAGE' | 'OTHER' {
  if (startsWith(bytes, '%PDF-')) return 'PDF';
  if (startsWith(bytes, 'PK\x03\x04')) return 'ZIP';
  if (startsWith(bytes, '\xD0\xCF\x11\xE0')) return 'OLE';
  if (startsWith(bytes, '\x89PNG') || startsWith(bytes, '\xFF\xD8\xFF')) return 'IMAGE';
  return 'OTHER';
}

/** The kind of a report file: its name's extension, checked against its bytes. */
export function documentKind(bytes: Uint8Array, name: string): DocumentKind {
  const claimed = kindOfName(name);
  const found = sniff(bytes);
  if (found === 'OLE')
    throw new DocumentError(
      'UNSUPPORTED_TYPE',
      `${name} is a legacy Word (.doc) file: save it as .docx or PDF`,
    );
  if (found === 'IMAGE')
    throw new DocumentError(
      'UNSUPPORTED_TYPE',
      `${name} is an image: the drafter reads text, so run OCR first or send the text`,
    );
  if (!claimed)
    throw new DocumentError(
      'UNSUPPORTED_TYPE',
      `${name}: the drafter reads ${Object.keys(EXTENSIONS)
        .map((e) => `.${e}`)
        .join(', ')}`,
    );
  const expected = claimed === 'PDF' ? 'PDF' : claimed === 'DOCX' ? 'ZIP' : 'OTHER';
  if (found !== expected)
    throw new DocumentError(
      'TYPE_MISMATCH',
      `${name} is named as ${claimed} but its bytes are ${found === 'ZIP' ? 'a zip archive' : found}`,
    );
  return claimed;
}
