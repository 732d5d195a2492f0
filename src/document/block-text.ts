/**
 * The text of an HTML tree as the drafter reads it: each block (paragraph, heading, list item,
 * table row) a paragraph of its own, blank lines between them, a row's cells parted by tabs.
 * Line breaks inside a block are the page's wrapping, not the author's, so they become spaces.
 */
const BLOCKS = new Set(
  (
    'ADDRESS ARTICLE ASIDE BLOCKQUOTE CAPTION DD DIV DL DT FIGCAPTION FIGURE FOOTER H1 H2 H3 H4 ' +
    'H5 H6 HEADER HR LI MAIN OL P PRE SECTION TABLE TBODY THEAD TFOOT TR UL'
  ).split(' '),
);
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'BUTTON', 'SELECT']);

/** The part of a DOM node this reads (jsdom's and the browser's nodes both have it). */
interface DomNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly textContent: string | null;
  readonly childNodes: ArrayLike<DomNode>;
}

/**
 * A table cell's text on one line: the paragraphs a word processor puts in cells meet by a space.
 */
function cellText(cell: DomNode): string {
  const parts: string[] = [];
  const walk = (node: DomNode): void => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3) parts.push(child.textContent ?? '');
      else if (child.nodeType === 1 && !SKIPPED.has(child.nodeName.toUpperCase())) {
        const block = BLOCKS.has(child.nodeName.toUpperCase());
        if (block) parts.push(' ');
        walk(child);
        if (block) parts.push(' ');
      }
    }
  };
  walk(cell);
  return parts.join('').replace(/\s+/g, ' ').trim();
}

export function blockText(root: DomNode): string {
  const blocks: string[] = [];
  let line = '';
  const flush = () => {
    const text = line.replace(/[ \t]+$/g, '').replace(/^[ \t]+/g, '');
    if (text) blocks.push(text);
    line = '';
  };
  const walk = (node: DomNode): void => {
    for (const child of Array.from(node.childNodes)) {
      const tag = child.nodeName.toUpperCase();
      if (child.nodeType === 3) line += (child.textContent ?? '').replace(/\s+/g, ' ');
      else if (child.nodeType !== 1 || SKIPPED.has(tag)) continue;
      else if (tag === 'BR') flush();
      else if (tag === 'TD' || tag === 'TH') {
        if (line.trim()) line = `${line.trimEnd()}\t`;
        line += cellText(child);
        line = `${line.trimEnd()}\t`;
      } else if (BLOCKS.has(tag)) {
        flush();
        walk(child);
        flush();
      } else walk(child);
    }
  };
  walk(root);
  flush();
  return blocks.join('\n\n');
}
