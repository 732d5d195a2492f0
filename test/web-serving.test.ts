import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type App, createApp } from '../src/server/app';
import { openTestDatabase, type TestDatabase } from './support/harness';

/**
 * How the API serves the web front end beside /graphql: explorer routes, hashed assets, the
 * widget, the IDE for browsers only, and a clear answer when nothing was built. A small bundle
 * written here stands in for `npm run build:web`, so these checks need no build.
 */

const HTML = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

function fakeBundle(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'zhili-web-'));
  mkdirSync(path.join(dir, 'assets'));
  mkdirSync(path.join(dir, 'embed'));
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>explorer</title>');
  writeFileSync(path.join(dir, 'graphiql.html'), '<!doctype html><title>ide</title>');
  writeFileSync(
    path.join(dir, 'assets', 'main-Ab12Cd34.js'),
    `console.log(${JSON.stringify('x'.repeat(4096))});`,
  );
  writeFileSync(path.join(dir, 'embed.js'), 'customElements;');
  writeFileSync(path.join(dir, 'embed', 'demo.html'), '<!doctype html><title>demo</title>');
  return dir;
}

describe('the web front end served by the API', () => {
  let db: TestDatabase;
  let built: { app: App; base: string };
  let unbuilt: { app: App; base: string };
  let dir: string;
  const start = async (webDir: string) => {
    const app = await createApp(db.config, db.executor, { webDir });
    return { app, base: (await app.listen(0, '127.0.0.1')).replace(/\/graphql$/, '') };
  };
  beforeAll(async () => {
    db = openTestDatabase();
    dir = fakeBundle();
    built = await start(dir);
    unbuilt = await start(path.join(dir, 'missing'));
  });
  afterAll(async () => {
    await built.app.stop();
    await unbuilt.app.stop();
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    '/',
    '/search?q=五治',
    '/model/fengqiao-experience',
    '/region/530103',
    '/compare?m=a,b',
    '/practice/x',
    '/source/kunming-2020?o=1&l=2',
    '/chart',
    '/principle/rule-of-law',
    '/review?set=x',
  ])('answers the explorer route %s with index.html, revalidated', async (route) => {
    const res = await fetch(`${built.base}${encodeURI(route)}`, { headers: { accept: HTML } });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<title>explorer</title>');
    expect(res.headers.get('cache-control')).toBe('no-cache');
  });

  it('serves hashed assets compressed and immutable, the widget for a few minutes', async () => {
    const asset = await fetch(`${built.base}/assets/main-Ab12Cd34.js`, {
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('content-encoding')).toBe('gzip');
    const embed = await fetch(`${built.base}/embed.js`);
    expect(embed.headers.get('cache-control')).toBe('public, max-age=300');
    expect(embed.headers.get('content-type')).toMatch(/javascript/);
    expect((await fetch(`${built.base}/embed/demo.html`)).status).toBe(200);
  });

  it('gives a browser the IDE at /graphql, and every other client the API as before', async () => {
    const ide = await fetch(`${built.base}/graphql`, { headers: { accept: HTML } });
    expect(await ide.text()).toContain('<title>ide</title>');
    const json = await fetch(
      `${built.base}/graphql?query=${encodeURIComponent('{ __typename }')}`,
      { headers: { accept: 'application/json' } },
    );
    expect(await json.json()).toEqual({ data: { __typename: 'Query' } });
    const post = await fetch(`${built.base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: HTML },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(await post.json()).toEqual({ data: { __typename: 'Query' } });
    const preflight = await fetch(`${built.base}/graphql`, {
      method: 'OPTIONS',
      headers: { origin: 'https://portal.example.org', 'access-control-request-method': 'GET' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('leaves other paths to the API: a JSON 404, no explorer page', async () => {
    for (const route of [
      '/nope',
      '/assets/missing-123.js',
      '/health/nope',
      '/modelx',
      '/embed/missing.html',
    ]) {
      const res = await fetch(`${built.base}${route}`, { headers: { accept: HTML } });
      expect({ route, status: res.status }).toEqual({ route, status: 404 });
      expect(res.headers.get('content-type')).toMatch(/json/);
    }
    expect((await fetch(`${built.base}/health/live`)).status).toBe(200);
  });

  it("without a bundle, says how to build it, and keeps Apollo's own page at /graphql", async () => {
    const page = await fetch(`${unbuilt.base}/`, { headers: { accept: HTML } });
    expect(page.status).toBe(404);
    expect(await page.text()).toMatch(/not built.*npm run build/);
    const json = (await (
      await fetch(`${unbuilt.base}/`, { headers: { accept: 'application/json' } })
    ).json()) as { errors: Array<{ message: string; extensions: { code: string } }> };
    expect(json.errors[0]).toMatchObject({
      message: expect.stringMatching(/npm run build/),
      extensions: { code: 'NOT_FOUND' },
    });
    const landing = await fetch(`${unbuilt.base}/graphql`, { headers: { accept: HTML } });
    expect(landing.status).toBe(200);
    expect(await landing.text()).not.toContain('<title>ide</title>');
  });
});
