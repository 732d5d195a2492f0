import { judge, loadJudgements, qualityReport } from '../bench/search-quality';
import { startTestServer, type TestServer } from './support/harness';

/**
 * The judged query set (test/fixtures/search-judgements.yaml) on the Yunnan seed graph: MRR and
 * nDCG@5 of `search(first: 5)`, printed, with floors this ranking reaches (the benchmark runs
 * the same set at national scale). Read only.
 */
jest.setTimeout(120_000);

describe('search quality on the judged query set (Yunnan)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('has at least 40 judged queries in Chinese, English and pinyin, of every kind', () => {
    const judged = loadJudgements();
    expect(judged.length).toBeGreaterThanOrEqual(40);
    expect(new Set(judged.map((j) => j.lang))).toEqual(new Set(['zh', 'en', 'pinyin']));
    expect(new Set(judged.map((j) => j.kind))).toEqual(
      new Set(['model', 'slogan', 'principle', 'place', 'organisation', 'misspelling']),
    );
    expect(new Set(judged.map((j) => j.q)).size).toBe(judged.length);
  });

  it('finds what a person expects: MRR and nDCG@5 above their floors', async () => {
    const quality = await judge(server.url, server.executor);
    console.log(qualityReport('yunnan', quality));
    expect(quality.queries).toBeGreaterThanOrEqual(40);
    expect(quality.mrr).toBeGreaterThanOrEqual(0.9);
    expect(quality.ndcg5).toBeGreaterThanOrEqual(0.8);
    for (const lang of ['zh', 'en', 'pinyin'])
      expect(quality.byLang[lang]!.mrr).toBeGreaterThanOrEqual(0.85);
  });
});
