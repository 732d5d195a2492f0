import { Worker } from 'node:worker_threads';
import { DocumentError } from './document-error';
import { linesOf, paragraphsOf, type PdfItem } from './pdf-lines';

/** A PDF's parse may take this long and this much memory before it is abandoned as hostile. */
export const PDF_LIMITS = { ms: 30_000, heapMb: 256 } as const;

/**
 * Runs in a worker thread: pdf.js (through unpdf) reads the text items of every page. A worker,
 * because a file from outside may be crafted to hang or exhaust the parser, and a worker can be
 * stopped and capped where the process cannot; pdf.js is an ES module, which a worker loads as
 * Node does.
 */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { pathToFileURL } = require('node:url');
(async () => {
  const { getDocumentProxy } = await import(pathToFileURL(workerData.unpdf).href);
  let pdf;
  try {
    pdf = await getDocumentProxy(new Uint8Array(workerData.bytes));
  } catch (e) {
    parentPort.postMessage({ unreadable: String(e && e.message || e) });
    return;
  }
  const pages = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    pages.push(content.items.filter((i) => 'str' in i).map((i) => ({
      str: i.str, hasEOL: i.hasEOL, transform: i.transform, width: i.width, height: i.height,
    })));
  }
  await pdf.destroy();
  parentPort.postMessage({ pages });
})().catch((e) => parentPort.postMessage({ unreadable: String(e && e.message || e) }));
`;

type WorkerAnswer = { pages: PdfItem[][] } | { unreadable: string };

function pdfItems(bytes: Uint8Array, name: string): Promise<PdfItem[][]> {
  const worker = new Worker(WORKER, {
    eval: true,
    workerData: { bytes, unpdf: require.resolve('unpdf') },
    resourceLimits: { maxOldGenerationSizeMb: PDF_LIMITS.heapMb },
  });
  const unreadable = (why: string, cause?: unknown) =>
    new DocumentError('UNREADABLE', `${name} is not a readable PDF (${why})`, { cause });
  return new Promise<PdfItem[][]>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(unreadable(`no text after ${PDF_LIMITS.ms / 1000} s`));
      void worker.terminate();
    }, PDF_LIMITS.ms);
    worker.once('message', (answer: WorkerAnswer) => {
      if ('pages' in answer) resolve(answer.pages);
      else reject(unreadable(answer.unreadable));
    });
    worker.once('error', (error) => reject(unreadable('the parser failed', error)));
    worker.once('exit', () => {
      clearTimeout(timer);
      reject(unreadable('the parser stopped'));
    });
  }).finally(() => void worker.terminate());
}

/**
 * The text layer of a PDF as paragraphs. A scanned PDF has no text layer: it is refused with that
 * reason rather than drafted as an empty report.
 */
export async function pdfText(bytes: Uint8Array, name: string): Promise<string> {
  const pages = await pdfItems(bytes, name);
  const text = pages.flatMap((items) => paragraphsOf(linesOf(items))).join('\n\n');
  if (!text.trim())
    throw new DocumentError(
      'NO_TEXT_LAYER',
      `${name} has no text layer (a scan?): run OCR first or send the text`,
    );
  return text;
}
