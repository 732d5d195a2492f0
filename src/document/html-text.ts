import { Readability } from '@mozilla/readability';
import { JSDOM } from 'jsdom';
import { blockText } from './block-text';

export interface HtmlText {
  readonly text: string;
  readonly title: string | null;
}

// jsdom runs no script and fetches nothing unless asked: a page is only parsed.
const parse = (html: string) => new JSDOM(html).window.document;

/**
 * The article of a web page, without its menus, sidebars and footer: Mozilla's Readability (the
 * Firefox reader view) finds it. A page too short for Readability to judge is read whole, less
 * its navigation, header and footer elements.
 */
export function htmlText(html: string): HtmlText {
  const document = parse(html);
  const headline = headlineOf(document);
  const article = new Readability(document.cloneNode(true) as Document, {
    charThreshold: 100,
  }).parse();
  if (article?.content) {
    const text = blockText(parse(`<html><body>${article.content}</body></html>`).body);
    // Readability lifts the headline out of the article; the report keeps it as its first line.
    const withTitle = headline && !text.startsWith(headline) ? `${headline}\n\n${text}` : text;
    return { text: withTitle, title: headline };
  }
  for (const el of Array.from(document.querySelectorAll('nav, header, footer, aside'))) el.remove();
  return { text: blockText(document.body), title: headline };
}

/**
 * The article's headline: the page's one <h1>, or else its <title> less the site's name, which
 * sites append after a separator ("…总结_青禾县人民政府", "… | 新华网").
 */
function headlineOf(document: Document): string | null {
  const h1s = Array.from(document.querySelectorAll('h1'));
  const h1 = h1s.length === 1 ? h1s[0]!.textContent?.replace(/\s+/g, ' ').trim() : '';
  if (h1) return h1;
  const title = document.querySelector('title')?.textContent?.trim();
  return title?.split(/\s*[_|｜]\s*|\s+[-–—]\s+/)[0]?.trim() || null;
}
