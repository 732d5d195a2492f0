import { paragraphsOf, type PdfLine } from './pdf-lines';

/** Lines of a page set in 12-unit type, 17 apart, text from x=57 to a right margin of 537. */
const line = (text: string, y: number, opts: Partial<PdfLine> = {}): PdfLine => ({
  text,
  x: 57,
  y,
  right: 537,
  size: 12,
  ...opts,
});

describe('a PDF page read back as paragraphs', () => {
  it('joins the lines of a justified paragraph and ends it at the line that stops short', () => {
    const lines = [
      line('全县共排查各类矛盾纠纷2316件，调解成功', 700),
      line('2207件，调解成功率95.3%。', 683, { right: 200 }),
      line('新增探头185个。', 666, { right: 150 }),
    ];
    expect(paragraphsOf(lines)).toEqual([
      '全县共排查各类矛盾纠纷2316件，调解成功2207件，调解成功率95.3%。',
      '新增探头185个。',
    ]);
  });

  it('opens a paragraph at an indent, a numbered item, a wider gap or a table row', () => {
    const lines = [
      line('总结', 760),
      line('一、矛盾纠纷化解', 730),
      line('今年以来，全县', 713, { x: 81 }),
      line('持续推进。', 696, { right: 120 }),
      line('far below', 640),
      line('wrapped on', 623),
      line('禾丰镇\t412', 606),
    ];
    expect(paragraphsOf(lines)).toEqual([
      '总结',
      '一、矛盾纠纷化解',
      '今年以来，全县持续推进。',
      'far below wrapped on',
      '禾丰镇\t412',
    ]);
  });

  it('drops page numbers', () => {
    expect(paragraphsOf([line('正文。', 700, { right: 100 }), line('- 3 -', 40)])).toEqual([
      '正文。',
    ]);
  });
});
