import type { Browser, BrowserContext, Page } from 'playwright-core';
import { webSizes } from '../scripts/web-size';
import {
  ensureWebBundle,
  findChromium,
  launchChromium,
  type PageProblems,
  screenshot,
  seriousA11yViolations,
  watchProblems,
} from './support/browser';
import { startTestServer, type TestServer } from './support/harness';

/**
 * The web front end in a real browser (Debian's Chromium, driven by playwright-core), against the
 * real service on the test Neo4j: the explorer's pages, the widget on a plain page, the IDE.
 * Each page is checked for console errors and for serious accessibility violations (axe-core).
 */

jest.setTimeout(120_000);

const executable = findChromium();
if (!executable) {
  console.warn(
    `\n${'!'.repeat(100)}\n!!! BROWSER TESTS SKIPPED: no Chromium at /usr/bin/chromium (or CHROMIUM_PATH), and apt-get could not install it.\n!!! Install it with: apt-get update && apt-get install -y chromium\n${'!'.repeat(100)}\n`,
  );
}
const describeInBrowser = executable ? describe : describe.skip;

describeInBrowser('the web front end in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let base: string;
  let context: BrowserContext;
  let page: Page;
  let problems: PageProblems;

  beforeAll(async () => {
    ensureWebBundle();
    server = await startTestServer();
    base = server.url.replace(/\/graphql$/, '');
    browser = await launchChromium(executable!);
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  beforeEach(async () => {
    // A new context per test: an empty cache (a first visit) and no storage from the last test.
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    page = await context.newPage();
    page.setDefaultTimeout(30_000);
    problems = watchProblems(page);
  });
  afterEach(async () => {
    await context.close();
  });

  /**
   * The checks every page gets once the test has used it: no console errors, no serious axe
   * violations, a screenshot.
   */
  async function pageIsClean(name: string, fullPage = true): Promise<void> {
    await screenshot(page, name, { fullPage });
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(problems.errors).toEqual([]);
  }

  it('renders the explorer on a first visit: what it downloads, and when the search box is usable', async () => {
    await page.goto(`${base}/`);
    await page.getByRole('searchbox').waitFor();
    await page.waitForLoadState('networkidle');
    // Measured by the browser itself: bytes as they came over the wire (gzip), the page and its
    // assets, not the API's answers.
    const timing = (await page.evaluate(`({
      transferred: [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
        .filter((e) => !e.name.includes('/graphql')).reduce((sum, e) => sum + e.encodedBodySize, 0),
      interactive: performance.getEntriesByName('zhili:interactive')[0]?.startTime,
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
    })`)) as { transferred: number; interactive?: number; fcp?: number };
    const transferred = timing.transferred;
    console.log(webSizes().lines.join('\n'));
    console.log(
      `explorer first visit in headless Chromium: ${(transferred / 1024).toFixed(1)} KB of page and assets transferred (gzip); first contentful paint ${timing.fcp?.toFixed(0)} ms, search box interactive at ${timing.interactive?.toFixed(0)} ms`,
    );
    expect(transferred).toBeGreaterThan(0);
    expect(transferred).toBeLessThan(300 * 1024);
    expect(timing.interactive).toBeLessThan(10_000);
    await expect(page.getByRole('link', { name: '村规民约' }).first().isVisible()).resolves.toBe(
      true,
    );
    await pageIsClean('explorer-home');
  });

  it('searches as you type in Chinese, and opens a hit', async () => {
    await page.goto(`${base}/`);
    await page.getByRole('searchbox').fill('五治');
    const hit = page.locator('.hits').getByRole('link', { name: /五治融合.太和街道/ });
    await hit.waitFor();
    // The query is in the URL, so the search can be shared.
    await page.waitForURL(/\?q=%E4%BA%94%E6%B2%BB/);
    await pageIsClean('search-zh');
    await hit.click();
    await page.getByRole('heading', { level: 1, name: /五治融合/ }).waitFor();
    expect(page.url()).toContain('/model/taihe-five-governance-fusion');
  });

  it('searches in English after switching the language', async () => {
    await page.goto(`${base}/`);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('searchbox', { name: /Search models/ }).fill('village compact');
    await page.locator('.hits').getByRole('link', { name: 'Village compacts' }).waitFor();
    expect(page.url()).toMatch(/lang=en/);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await pageIsClean('search-en');
  });

  it('opens a model and draws its lineage graph, then follows a node to another model', async () => {
    await page.goto(`${base}/model/taihe-five-governance-fusion`);
    await page.getByRole('heading', { level: 1, name: /五治融合/ }).waitFor();
    await page.locator('.graph[data-ready="true"] canvas').first().waitFor();
    // Cytoscape draws on canvases; its model says what is drawn: three models, and edges with their
    // kind.
    const drawn = (await page.evaluate(
      `(() => { const list = document.querySelectorAll('.edges > li'); return { canvases: document.querySelectorAll('.graph canvas').length, edges: list.length }; })()`,
    )) as { canvases: number; edges: number };
    expect(drawn.canvases).toBeGreaterThan(0);
    expect(drawn.edges).toBeGreaterThanOrEqual(2);
    // The variants look different: the principles only this 五治 has are marked, and the sibling
    // matrix is shown.
    await expect(page.locator('.chip.only').allTextContents()).resolves.toEqual(
      expect.arrayContaining([expect.stringContaining('共治')]),
    );
    await page.locator('table.matrix tr.self').waitFor();
    await pageIsClean('model-lineage');
    // The picture in the README (docs/screenshots/explorer.png is a copy): principles, variants and
    // lineage.
    await screenshot(page, 'explorer', {
      fullPage: true,
      clip: { x: 0, y: 0, width: 1280, height: 1180 },
    });
    await page.locator('.edges').getByRole('link', { name: '三治融合' }).first().click();
    await page.getByRole('heading', { level: 1, name: '三治融合' }).waitFor();
    expect(page.url()).toContain('/model/three-governance-fusion');
  });

  it('compares two 五治 models: shared and distinct principles, figures by indicator', async () => {
    await page.goto(
      `${base}/compare?m=taihe-five-governance-fusion,songming-five-governance-fusion`,
    );
    await page.getByRole('heading', { name: '共有原则' }).waitFor();
    const taihe = page.getByRole('region', { name: /太和街道/ });
    const songming = page.getByRole('region', { name: /嵩明县/ });
    await expect(taihe.locator('.chip.only').allTextContents()).resolves.toContain('共治');
    await expect(songming.locator('.chip.only').allTextContents()).resolves.toEqual(
      expect.arrayContaining(['政治', '廉治']),
    );
    const shared = await page.locator('h2:has-text("共有原则") + ul .chip').allTextContents();
    expect(shared).toEqual(expect.arrayContaining(['自治', '德治', '法治']));
    // Songming's figures stand alone: grouped by indicator, marked not comparable, with the API's
    // note.
    const notes = await page
      .locator('h2:has-text("按指标分组的数据") ~ section ul.muted li')
      .allTextContents();
    expect(notes).toContain('only songming-five-governance-fusion reports this indicator');
    await expect(
      page.locator('h2:has-text("按指标分组的数据") ~ section h3 .badge').first().textContent(),
    ).resolves.toBe('不可比');
    await pageIsClean('compare-five-governance');
  });

  it("opens a figure's quote in its source: the quote highlighted and scrolled into view", async () => {
    await page.goto(`${base}/region/530103`);
    await page.getByRole('heading', { level: 1, name: '盘龙区' }).waitFor();
    const row = page.getByRole('row', { name: /^调解成功率 99\.97 percent/ });
    await row.locator('summary').click();
    const quote = (await row.locator('blockquote').textContent())!;
    await pageIsClean('region-figures');
    await row.getByRole('link', { name: '在原文中查看' }).click();
    const mark = page.locator('mark#quote');
    await mark.waitFor();
    expect(await mark.textContent()).toBe(quote);
    const view = (await page.evaluate(
      `(() => { const r = document.querySelector('mark#quote').getBoundingClientRect(); return { top: r.top, bottom: r.bottom, height: innerHeight, scrolled: scrollY }; })()`,
    )) as { top: number; bottom: number; height: number; scrolled: number };
    expect(view.scrolled).toBeGreaterThan(0);
    expect(view.top).toBeGreaterThanOrEqual(0);
    expect(view.bottom).toBeLessThanOrEqual(view.height);
    await pageIsClean('source-highlight', false);
  });

  it('shows a region with subregions on demand, and its hierarchy', async () => {
    await page.goto(`${base}/region/530111`);
    const practices = page.getByRole('heading', { level: 2, name: /^实践/ });
    await practices.waitFor();
    const own = Number((await practices.textContent())!.match(/\((\d+)\)/)![1]);
    await page.getByRole('checkbox', { name: '包含下级地区' }).check();
    await page.waitForURL(/sub=1/);
    await page.waitForFunction(
      `[...document.querySelectorAll('h2')].some((h) => { const m = /^实践 \\((\\d+)\\)$/.exec(h.textContent ?? ''); return m !== null && Number(m[1]) > ${own}; })`,
    );
    await expect(
      page
        .getByRole('navigation', { name: '层级' })
        .getByRole('link', { name: '昆明市' })
        .isVisible(),
    ).resolves.toBe(true);
    await page.getByRole('button', { name: /太和街道/ }).click();
    await page.locator('.tree').getByRole('link', { name: /社区/ }).first().waitFor();
    await pageIsClean('region-hierarchy');
  });

  it('shows a practice with its comparable pilots and their reasons', async () => {
    await page.goto(`${base}/practice/dayingshequ-one-plus-four?lang=en`);
    await page.getByRole('heading', { name: 'Comparable pilots' }).waitFor();
    const reasons = await page
      .locator('h2:has-text("Comparable pilots") + table li')
      .allTextContents();
    expect(reasons.some((r) => /\(\+[\d.]+\)/.test(r))).toBe(true);
    await pageIsClean('practice-pilots');
  });

  it("charts one indicator across Kunming's counties, marking figures that are not comparable", async () => {
    await page.goto(`${base}/chart?region=5301&indicator=surveillance_cameras`);
    await page.locator('.chart-box canvas[data-ready="true"]').waitFor();
    // Four counties report cameras; one counts them over a span (2020-04 to the report), not
    // for 2020.
    await expect(page.locator('table.figures tbody tr').count()).resolves.toBe(4);
    const odd = page.locator('table.figures tbody tr.noncomparable');
    await expect(odd.count()).resolves.toBe(1);
    await expect(odd.locator('td').nth(3).textContent()).resolves.toMatch(
      /不可比.*periodKind, period/,
    );
    await pageIsClean('chart');
    // The chart's choices are in the URL: another city starts over with its own indicators.
    await page.getByRole('combobox', { name: '城市' }).selectOption('5303');
    await page.waitForURL(
      (url) => url.searchParams.get('region') === '5303' && !url.searchParams.has('indicator'),
    );
  });

  it('runs the widget on a plain page: GET with persisted-query hashes, in English and Chinese', async () => {
    const graphqlGets: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/graphql'))
        graphqlGets.push(`${request.method()} ${request.url()}`);
    });
    await page.goto(`${base}/embed/demo.html`);
    const english = page.locator('zhili-practice-lookup[lang="en"]');
    await english.getByRole('heading', { name: /Panlong District/ }).waitFor();
    await english.getByRole('link').first().waitFor();
    const all = await english.getByRole('link').count();
    await english.getByRole('searchbox', { name: 'Filter' }).fill('mediation');
    await expect(english.getByRole('link').count()).resolves.toBeLessThan(all);
    await page
      .locator('zhili-practice-lookup[lang="zh"]')
      .getByRole('heading', { name: /五华区/ })
      .waitFor();
    // One lookup per widget (a hash miss on a fresh server adds its registering GET), never a POST.
    expect(graphqlGets.length).toBeGreaterThanOrEqual(2);
    expect(graphqlGets.length).toBeLessThanOrEqual(4);
    expect(graphqlGets.every((r) => r.startsWith('GET ') && r.includes('sha256Hash'))).toBe(true);
    await pageIsClean('widget-demo');
  });

  it('serves the GraphQL IDE to a browser at /graphql, with the README tour as tabs', async () => {
    await page.goto(`${base}/graphql`);
    await page.locator('.graphiql-container').waitFor();
    await page.getByRole('tab').first().waitFor();
    expect(await page.getByRole('tab').count()).toBeGreaterThanOrEqual(5);
    // The first tab holds the README's first tour query; running it answers from the real graph.
    await page
      .locator('.graphiql-query-editor .CodeMirror')
      .getByText('online-fengqiao-experience')
      .waitFor();
    await page.locator('.graphiql-execute-button').click();
    await page.locator('.graphiql-response').getByText('"DIGITALISATION"').waitFor();
    await screenshot(page, 'graphiql');
    expect(problems.errors).toEqual([]);
  });
});
