import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkSeed } from '../src/seed/seed-check';
import { readSeed } from '../src/seed/seed-files';

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

/**
 * The committed seed with one fault planted: `edit` rewrites one file's text. Returns the problems
 * the check finds.
 */
async function withFault(file: string, edit: (text: string) => string): Promise<string[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'zhili-fault-'));
  made.push(dir);
  cpSync(path.join(root, 'seed'), dir, { recursive: true });
  const target = path.join(dir, file);
  const before = readFileSync(target, 'utf8');
  const after = edit(before);
  expect(after).not.toBe(before);
  writeFileSync(target, after);
  const { bundle, problems } = readSeed(dir);
  expect(problems).toEqual([]);
  return (await checkSeed(bundle, dir)).problems.map(
    (p) => `${p.file.replace(dir, 'seed')}: ${p.path}: ${p.message}`,
  );
}

/** The YAML block of one observation (from its `- id:` line to the next). */
const block = (text: string, id: string): [number, number] => {
  const from = text.indexOf(`  - id: ${id}\n`);
  const next = text.indexOf('\n  - id:', from + 1);
  return [from, next < 0 ? text.length : next];
};
const inBlock = (id: string, from: string, to: string) => (text: string) => {
  const [a, b] = block(text, id);
  return text.slice(0, a) + text.slice(a, b).replace(from, to) + text.slice(b);
};

describe('seed:check catches a planted fault of each kind', () => {
  it('a figure stamped with a year neither its sentence nor the headings over it state', async () => {
    const problems = await withFault(
      'observations/06-dongchuan.yaml',
      inBlock(
        'dongchuan-relocated-people',
        'time: CUMULATIVE\n    period: ../2021-02-09',
        'time: YEAR\n    period: "2018"',
      ),
    );
    expect(problems).toEqual([
      expect.stringMatching(
        /06-dongchuan\.yaml: observations\[\d+\]\.time: period "2018" names 2018, but neither its quote nor its section/,
      ),
    ]);
  }, 30_000);

  it('a change marked year on year where its clause has no 同比', async () => {
    const problems = await withFault(
      'observations/03-guandu.yaml',
      inBlock(
        'shuangqiao-public-order-alerts-change',
        'kind: CHANGE_UNSTATED_BASE',
        'kind: YEAR_ON_YEAR',
      ),
    );
    expect(problems).toEqual([
      expect.stringMatching(
        /\.comparison: comparison YEAR_ON_YEAR, but the clause of "治安警情下降33%" does not say 同比/,
      ),
    ]);
  }, 30_000);

  it('a cumulative total whose sentence says nothing of a running total', async () => {
    const problems = await withFault(
      'observations/02-panlong.yaml',
      inBlock(
        'panlong-sectoral-mediation-organisations',
        'time: AS_OF\n    period: 2021-02-09',
        'time: CUMULATIVE\n    period: ../2021-02-09',
      ),
    );
    expect(problems).toEqual([expect.stringMatching(/time CUMULATIVE, but no quote says 累计/)]);
  }, 30_000);

  it('a number written in Chinese numerals that is neither recorded nor listed', async () => {
    const problems = await withFault('observations/07-jinning.yaml', (text) => {
      const [a, b] = block(text, 'shangfangxinjie-blacklist-probation-months');
      return text.slice(0, a) + text.slice(b + 1);
    });
    expect(problems).toEqual([
      expect.stringMatching(
        /number 三 is neither a reported figure nor a listed non-figure: "…[^"]*三个月考察期/,
      ),
    ]);
  }, 30_000);

  it('an origin whose quote says only that the model was carried out there (推行)', async () => {
    const problems = await withFault('models.yaml', (text) =>
      text.replace(
        '        - "在全区范围内创新开展“零上访、零事故、零命案、零纠纷、零盲区”社区、企业、单位“五零”创建工作"\n',
        '        - "富民县推行办案监督前置"\n',
      ),
    );
    expect(problems).toEqual([
      expect.stringMatching(/models\.yaml: models\[\d+\]\.origin: .*推行/),
    ]);
  }, 30_000);

  it('a lineage edge whose quote does not state its relation', async () => {
    const problems = await withFault('models.yaml', (text) =>
      text.replace(
        '      - slug: village-compact\n        relation: PART_OF',
        '      - slug: village-compact\n        relation: EXTENSION',
      ),
    );
    expect(problems).toEqual([
      expect.stringMatching(/models\.yaml: models\[\d+\]\.derivedFrom\[0\].*EXTENSION/),
    ]);
  }, 30_000);

  it('a rate that differs from its counts without saying so, and one that says so wrongly', async () => {
    const silent = await withFault(
      'observations/02-panlong.yaml',
      inBlock('panlong-2020-mediation-success-rate', 'value: 99.97', 'value: 99.5'),
    );
    expect(silent).toEqual([
      expect.stringMatching(
        /\.discrepancy: reported rate 99\.5% differs from its counts' 99\.97% at the reported precision/,
      ),
    ]);
    const wrong = await withFault(
      'observations/02-panlong.yaml',
      inBlock(
        'panlong-2020-mediation-success-rate',
        '    reported:',
        '    discrepancy: { computed: 99.97, note: planted }\n    reported:',
      ),
    );
    expect(wrong).toEqual([
      expect.stringMatching(/declares a discrepancy, but the counts give 99\.97%, which agrees/),
    ]);
  }, 30_000);

  it('a county-level zone whose host is not the county it lies under', async () => {
    const problems = await withFault('regions.yaml', (text) =>
      text.replace('      host: "530125"', '      host: "530126"'),
    );
    expect(problems).toEqual([
      expect.stringMatching(
        /regions\[\d+\]\.countyLevel\.host: host 530126 is not the county 530125404 lies under/,
      ),
    ]);
  }, 30_000);
});

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
    expect(schemaProblems).toEqual([
      expect.objectContaining({
        file: expect.stringMatching(/bad\.yaml$/),
        path: 'practices[0].id',
      }),
    ]);

    const dir = seedDir({ 'bad.yaml': practice('bad-id') });
    const checked = await checkSeed(readSeed(dir).bundle, dir);
    const messages = checked.problems
      .filter((p) => p.file.endsWith('bad.yaml'))
      .map((p) => `${p.path}: ${p.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^practices\[0\]\.models\[0\]: unknown model "no-such-model"/),
        expect.stringMatching(/^practices\[0\]\.citations\[0\]: quote not found verbatim/),
      ]),
    );
  }, 30_000);

  it('exits non-zero from the command line when the seed has a problem', () => {
    const dir = seedDir({ 'bad.yaml': 'models:\n  - slug: x\n' });
    const run = spawnSync(
      process.execPath,
      [
        require.resolve('ts-node/dist/bin.js'),
        '--transpile-only',
        path.join(root, 'scripts', 'seed-check.ts'),
        dir,
      ],
      { encoding: 'utf8' },
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/bad\.yaml: models\[0\]\.name/);
  }, 30_000);
});
