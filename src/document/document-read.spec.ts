import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../core/config';
import { DocumentError } from './document-error';
import { readDocument } from './document-read';

const fixture = (name: string) =>
  readFileSync(path.join(PROJECT_ROOT, 'test/fixtures/documents', name));

/** The report as its author wrote it (made by hand from the file's source, before running). */
const REPORT = [
  '青禾县2024年基层治理工作总结',
  '2024年，青禾县坚持和发展新时代“枫桥经验”，以网格化管理为抓手，推动矛盾纠纷就地化解，全县基层治理水平持续提升，群众安全感和满意度不断提高，为经济社会高质量发展营造了安全稳定的社会环境。',
  '一、矛盾纠纷多元化解',
  '全县共排查各类矛盾纠纷2316件，调解成功2207件，调解成功率95.3%。',
  '二、主要指标',
  '乡镇\t调解成功（件）\t新增探头（个）',
  '禾丰镇\t412\t36',
  '青石乡\t287\t22',
  '截至2024年底，全县刑事案件同比下降18.6%。',
];

const problemOf = async (bytes: Uint8Array, name: string) =>
  readDocument(bytes, name).then(
    () => 'read',
    (e: unknown) => (e instanceof DocumentError ? e.problem : `other: ${String(e)}`),
  );

describe('reading a report in the forms editors receive', () => {
  it('reads a Word file and the PDF made from it to the same paragraphs, table rows by tabs', async () => {
    const docx = await readDocument(fixture('qinghe-2024-summary.docx'), 'q.docx');
    const pdf = await readDocument(fixture('qinghe-2024-summary.pdf'), 'q.pdf');
    expect(docx.text).toBe(REPORT.join('\n\n'));
    expect(pdf.text).toBe(docx.text);
    expect([docx.kind, pdf.kind]).toEqual(['DOCX', 'PDF']);
    expect(pdf.mediaType).toBe('application/pdf');
  });

  it('reads the article of a GB18030 web page, without its menus, sidebar, footer or scripts', async () => {
    const page = await readDocument(fixture('qinghe-2024-summary.gbk.html'), 'q.html');
    expect(page.title).toBe('青禾县2024年基层治理工作总结');
    const paragraphs = page.text.split('\n\n');
    expect(paragraphs[0]).toBe(REPORT[0]);
    // The article's own byline stays (it dates the report); nothing around the article does.
    expect(paragraphs.filter((p) => !REPORT.includes(p))).toEqual([
      '发布时间：2025-01-15来源：县委政法委',
    ]);
    expect(REPORT.filter((p) => !paragraphs.includes(p))).toEqual([]);
    for (const chrome of ['首页', '热点新闻', '备案号', '不是正文', '当前位置'])
      expect(page.text).not.toContain(chrome);
  });

  it('reads GB18030 plain text, and records both digests', async () => {
    const bytes = fixture('qinghe-2024-summary.gbk.txt');
    const doc = await readDocument(bytes, 'q.txt');
    expect(doc.text.split('\n\n')).toContain(REPORT[3]);
    expect(doc.fileSha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(doc.textSha256).toBe(createHash('sha256').update(doc.text).digest('hex'));
    expect(doc.fileSha256).not.toBe(doc.textSha256);
  });

  it('refuses what it cannot read, each with its reason', async () => {
    const text = Buffer.from('某县调解成功12件。');
    expect(await problemOf(Buffer.from('\xD0\xCF\x11\xE0rest', 'latin1'), 'old.doc')).toBe(
      'UNSUPPORTED_TYPE',
    );
    expect(await problemOf(text, 'report.odt')).toBe('UNSUPPORTED_TYPE');
    expect(await problemOf(text, 'report.pdf')).toBe('TYPE_MISMATCH');
    expect(await problemOf(fixture('qinghe-2024-summary.pdf'), 'report.docx')).toBe(
      'TYPE_MISMATCH',
    );
    expect(await problemOf(Buffer.from([0x41, 0x00, 0x42]), 'nul.txt')).toBe('NOT_TEXT');
    expect(await problemOf(Buffer.from(' \n\t\n'), 'blank.txt')).toBe('EMPTY');
    expect(await problemOf(Buffer.from('PK\x03\x04not a zip', 'latin1'), 'bad.docx')).toBe(
      'UNREADABLE',
    );
    expect(await problemOf(Buffer.from('%PDF-1.4\ngarbage'), 'bad.pdf')).toBe('UNREADABLE');
    expect(await problemOf(fixture('no-text-layer.pdf'), 'scan.pdf')).toBe('NO_TEXT_LAYER');
    expect(await problemOf(text, 'report.txt')).toBe('read');
  });
});
