import { JSDOM } from 'jsdom';
import { blockText } from './block-text';

const textOf = (html: string) => blockText(new JSDOM(`<body>${html}</body>`).window.document.body);

describe('the text of an HTML tree', () => {
  it('makes each kind of block a paragraph of its own', () => {
    const blocks = ['address', 'article', 'blockquote', 'div', 'dt', 'dd', 'h1', 'h6', 'li', 'p'];
    for (const tag of blocks)
      expect(textOf(`前文<${tag}>一段</${tag}>后文`)).toBe('前文\n\n一段\n\n后文');
  });

  it('keeps inline elements in their line and wrapping as spaces', () => {
    expect(textOf('<p>调解<b>成功</b>\n  <a href="#">12件</a></p>')).toBe('调解成功 12件');
  });

  it('parts a row by tabs and a cell’s paragraphs by a space', () => {
    expect(textOf('<table><tr><td><p>禾丰</p><p>镇</p></td><td>412</td></tr></table>')).toBe(
      '禾丰 镇\t412',
    );
  });

  it('skips scripts, styles and buttons; a line break ends a paragraph', () => {
    expect(textOf('<p>甲<script>x()</script><style>p{}</style><button>按</button><br>乙</p>')).toBe(
      '甲\n\n乙',
    );
  });
});
