const CJK_EDGE = /[\p{Script=Han}\u3000-\u303F\uFF00-\uFFEF]/u;

/** One printed line of a PDF page: its text and where it sits (PDF units, y upwards). */
export interface PdfLine {
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly right: number;
  readonly size: number;
}

/** The part of a pdf.js text item this reads. */
export interface PdfItem {
  readonly str: string;
  readonly hasEOL?: boolean;
  readonly transform: readonly number[];
  readonly width: number;
  readonly height: number;
}

/**
 * A line's items as text. Chinese prose has no spaces (the narrow gap a typesetter puts between
 * a Chinese character and a digit is not one), so a blank of 0.4 em or more beside a Chinese
 * character is a table's column gap, as is any blank or jump wider than 1.5 em, and a space
 * between two Chinese characters: each becomes a tab. Other blanks are the spaces they show.
 */
/**
 * A space between two Chinese characters inside one item: no prose has one, a table's columns do.
 */
const CJK_GAP =
  /(?<=[\p{Script=Han}\u3000-\u303F\uFF00-\uFFEF]) +(?=[\p{Script=Han}\u3000-\u303F\uFF00-\uFFEF])/gu;

function joinItems(parts: readonly PdfItem[], size: number): string {
  let text = '';
  let end: number | null = null;
  let blank = false;
  for (const p of parts) {
    if (!p.str.trim()) {
      blank ||= p.str.length > 0;
      continue;
    }
    const x = p.transform[4]!;
    if (end !== null) {
      const gap = x - end;
      const besideCjk = CJK_EDGE.test(text.slice(-1)) || CJK_EDGE.test(p.str[0]!);
      if (gap > size * 1.5 || (besideCjk && gap >= size * 0.4)) text += '\t';
      else if (blank && !besideCjk) text += ' ';
    }
    text += p.str.replace(CJK_GAP, '\t');
    end = x + p.width;
    blank = false;
  }
  return text;
}

/** A page's text items as lines: an item marked end-of-line, or one lower on the page, ends one. */
export function linesOf(items: readonly PdfItem[]): PdfLine[] {
  const lines: PdfLine[] = [];
  let parts: PdfItem[] = [];
  const close = () => {
    const inked = parts.filter((p) => p.str.trim());
    if (inked.length > 0) {
      const last = inked[inked.length - 1]!;
      const size = Math.max(...inked.map((p) => p.height));
      lines.push({
        text: joinItems(parts, size),
        x: inked[0]!.transform[4]!,
        y: inked[0]!.transform[5]!,
        right: last.transform[4]! + last.width,
        size,
      });
    }
    parts = [];
  };
  for (const item of items) {
    const previous = parts.find((p) => p.str.trim());
    if (
      previous &&
      item.str.trim() &&
      Math.abs(item.transform[5]! - previous.transform[5]!) > previous.height / 2
    )
      close();
    parts.push(item);
    if (item.hasEOL) close();
  }
  close();
  return lines;
}

/** A line that opens a list item or a heading of a numbered report: 一、 (一) 1. 1、 【…】 第…条. */
const OPENS_ITEM =
  /^(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十\d]+[)）]|\d+[.、．]|【|第[一二三四五六七八九十百\d]+[章节条])/;
/** Page furniture: a page number alone ("3", "- 3 -", "第 3 页"). */
const PAGE_NUMBER = /^[-—\s]*(?:第\s*)?\d+\s*(?:页|\/\s*\d+)?[-—\s]*$/;

/**
 * A page's lines as paragraphs, the way a typesetter would read them back. Chinese text is set
 * justified, so a line of a paragraph runs to the right margin and only its last line stops
 * short. A line joins the one before it unless that one stopped short of the margin, there is
 * more space above it than a paragraph's leading (1.8 × the type size; lines of a paragraph sit
 * about 1.4 apart), it is indented, or it opens a numbered item or heading. Joined lines meet
 * without a space where either side is Chinese; a line with a tab is a table row, kept whole.
 */
export function paragraphsOf(lines: readonly PdfLine[]): string[] {
  const body = lines.filter((l) => !PAGE_NUMBER.test(l.text));
  const left = Math.min(...body.map((l) => l.x));
  const right = Math.max(...body.map((l) => l.right));
  const paragraphs: string[] = [];
  body.forEach((line, i) => {
    const text = line.text.trim();
    const before = body[i - 1];
    const breaks =
      !before ||
      before.right < right - line.size * 2 ||
      before.y - line.y > Math.max(line.size, before.size) * 1.8 ||
      line.x > left + line.size * 1.5 ||
      OPENS_ITEM.test(text) ||
      text.includes('\t') ||
      before.text.includes('\t');
    if (breaks) paragraphs.push(text);
    else {
      const last = paragraphs.pop()!;
      const cjk = CJK_EDGE.test(last.slice(-1)) || CJK_EDGE.test(text[0] ?? '');
      paragraphs.push(cjk ? `${last}${text}` : `${last} ${text}`);
    }
  });
  return paragraphs;
}
