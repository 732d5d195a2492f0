import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readSeed } from '../src/seed/seed.files';
import { checkSeed } from '../src/seed/seed.check';

const root = path.resolve(__dirname, '..');
const SOURCE = 'kunming-2020-political-legal-highlights.txt';

const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A seed folder holding the real source and `files`, for checking what the checker says. */
function seedDir(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'zhili-seed-'));
  made.push(dir);
  mkdirSync(path.join(dir, 'sources'));
  copyFileSync(path.join(root, 'seed', 'sources', SOURCE), path.join(dir, 'sources', SOURCE));
  copyFileSync(path.join(root, 'seed', 'sources.yaml'), path.join(dir, 'sources.yaml'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

describe('seed:check', () => {
  it('passes on the committed seed, covering every number in the founding text', async () => {
    const dir = path.join(root, 'seed');
    const { bundle, problems } = readSeed(dir);
    expect(problems).toEqual([]);
    const checked = await checkSeed(bundle, dir);
    expect(checked.problems).toEqual([]);
    expect(checked.stats.numbersCovered).toBeGreaterThan(150);
  }, 30_000);

  it('reports each problem with its file and path', async () => {
    const practice = (id: string) =>
      [
        'practices:',
        `  - id: ${id}`,
        '    name: 试点',
        '    nameEn: Pilot',
        '    region: "530103"',
        '    models: [no-such-model]',
        '    category: MEDIATION',
        '    status: PILOT',
        // A full-width comma where the source has an ASCII one: not verbatim.
        '    citations: ["全区各级人民调解组织共调处各类矛盾纠纷7281件，调处成功7279件"]',
      ].join('\n');
    const schemaProblems = readSeed(seedDir({ 'bad.yaml': practice('Bad_Id') })).problems;
    expect(schemaProblems).toEqual([expect.objectContaining({ file: expect.stringMatching(/bad\.yaml$/), path: 'practices[0].id' })]);

    const dir = seedDir({ 'bad.yaml': practice('bad-id') });
    const checked = await checkSeed(readSeed(dir).bundle, dir);
    const messages = checked.problems.filter((p) => p.file.endsWith('bad.yaml')).map((p) => `${p.path}: ${p.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^practices\[0\]\.models\[0\]: unknown model "no-such-model"/),
        expect.stringMatching(/^practices\[0\]\.citations\[0\]: quote not found verbatim/),
      ]),
    );
  });

  it('exits non-zero from the command line when the seed has a problem', () => {
    const dir = seedDir({ 'bad.yaml': 'models:\n  - slug: x\n' });
    const run = spawnSync(process.execPath, [require.resolve('ts-node/dist/bin.js'), '--transpile-only', path.join(root, 'scripts', 'seed-check.ts'), dir], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/bad\.yaml: models\[0\]\.name/);
  }, 30_000);
});
