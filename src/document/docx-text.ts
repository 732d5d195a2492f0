import { JSDOM } from 'jsdom';
import mammoth from 'mammoth';
import { blockText } from './block-text';
import { DocumentError } from './document-error';

/**
 * The text of a Word file: mammoth turns it into HTML (paragraphs, headings, lists and tables as
 * the author made them), read as any page is, so a table's rows keep their cells together.
 */
export async function docxText(bytes: Uint8Array, name: string): Promise<string> {
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) })).value;
  } catch (cause) {
    throw new DocumentError('UNREADABLE', `${name} is not a readable Word (.docx) file`, { cause });
  }
  const document = new JSDOM(`<html><body>${html}</body></html>`).window.document;
  return blockText(document.body);
}
