import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readDocument } from '../document/document-read';
import { readVocabulary } from './draft-vocabulary';
import { draftSource, sourceIdOf } from './source-meta';

const doc = (text: string | Buffer, name: string) =>
  readDocument(typeof text === 'string' ? Buffer.from(text, 'utf8') : text, name);

describe('the source entry of a report', () => {
  const text =
    '当前位置:首页/工作动态\n\n某县2020年政法工作亮点\n\n作者:陈晓    发布时间:2021-01-20 09:30    来源:某某在线\n\n某县委书记甲:\n\n正文。\n';
  const bytes = Buffer.from(text, 'utf8');

  it('reads its title, author, publisher and date from its own lines, and hashes its bytes', async () => {
    const { entry, review } = draftSource(await doc(bytes, 'Mou Xian 2020 (final).txt'));
    expect(entry).toEqual({
      id: 'mou-xian-2020-final',
      file: 'Mou Xian 2020 (final).txt',
      title: '某县2020年政法工作亮点',
      author: '陈晓',
      publisher: '某某在线',
      published: '2021-01-20T09:30:00+08:00',
      language: 'zh',
      kind: 'OFFICIAL_SELF_REPORT_VIA_MEDIA',
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
    expect(review.published).toMatchObject({ confidence: 0.9 });
  });

  it('takes --id and --published over what it reads, and names a file with no ASCII by its hash', async () => {
    const undated = await doc('无日期的报告。', 'r.txt');
    expect(
      draftSource(undated, { id: 'given', published: '2021-03-01T00:00:00+08:00' }).entry,
    ).toMatchObject({ id: 'given', published: '2021-03-01T00:00:00+08:00' });
    expect(draftSource(undated).review.published).toMatchObject({ confidence: 0 });
    expect(sourceIdOf('报告.txt', 'abcdef0123')).toBe('report-abcdef01');
  });

  it('stores a read-out text as <id>.txt with its own sha256, and names the file as received', async () => {
    const crlf = Buffer.from('某县报告\r\n\r\n正文。\r\n', 'utf8');
    const { entry } = draftSource(await doc(crlf, 'Report 2024.txt'));
    expect(entry).toMatchObject({
      file: 'report-2024.txt',
      sha256: createHash('sha256').update('某县报告\n\n正文。\n').digest('hex'),
      original: {
        file: 'Report 2024.txt',
        mediaType: 'text/plain',
        sha256: createHash('sha256').update(crlf).digest('hex'),
        bytes: crlf.length,
      },
    });
  });
});

describe('the vocabulary', () => {
  it('takes only names, aliases and kinds from the vocabulary files, and never opens the curated answers', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'zhili-vocab-'));
    try {
      writeFileSync(
        path.join(dir, 'models.yaml'),
        'models:\n  - slug: a\n    name: 甲经验\n    aliases: [甲]\n    kind: EXPERIENCE\n    summary: 不读\n    citations: ["不读"]\n',
      );
      writeFileSync(
        path.join(dir, 'mechanisms.yaml'),
        'models:\n  - slug: b\n    name: 乙机制\n    kind: MECHANISM\norganizations:\n  - id: c\n    name: 丙委员会\n',
      );
      writeFileSync(path.join(dir, 'observations.yaml'), 'this is: [not read');
      const v = readVocabulary(dir);
      expect(v.names).toEqual([
        { kind: 'model', key: 'a', name: '甲经验', aliases: ['甲'], modelKind: 'EXPERIENCE' },
        { kind: 'model', key: 'b', name: '乙机制', aliases: [], modelKind: 'MECHANISM' },
        { kind: 'organization', key: 'c', name: '丙委员会', aliases: [], modelKind: undefined },
      ]);
      expect(v.units).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
