import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { PROJECT_ROOT } from '../../src/core/config';
import { WEB_DIR } from '../../src/server/web.router';

/** Debian's Chromium (or CHROMIUM_PATH); playwright-core downloads no browser of its own. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Screenshots and other evidence of a run; git-ignored. */
export const ARTIFACTS = path.join(PROJECT_ROOT, 'test-artifacts');

/**
 * The Chromium to drive: installed with apt-get where it is missing and this process may (root,
 * apt-get present), as on a fresh CI machine. Undefined when there is none and none can be had;
 * the caller then skips, loudly.
 */
export function findChromium(): string | undefined {
  if (existsSync(CHROMIUM)) return CHROMIUM;
  const root = process.getuid?.() === 0;
  if (root && existsSync('/usr/bin/apt-get')) {
    console.log("Chromium is missing: installing Debian's package (apt-get install chromium)…");
    const install = spawnSync(
      'sh',
      [
        '-c',
        'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium',
      ],
      { stdio: 'inherit', timeout: 15 * 60_000 },
    );
    if (install.status === 0 && existsSync(CHROMIUM)) return CHROMIUM;
  }
  return undefined;
}

/** The newest modification time of any file below `dir`. */
function newest(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((latest, entry) => {
    const full = path.join(dir, entry.name);
    return Math.max(latest, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs);
  }, 0);
}

/**
 * Builds the web bundle when it is missing or older than its sources (tests that only run jest
 * never built it).
 */
export function ensureWebBundle(): void {
  const built = path.join(WEB_DIR, 'index.html');
  const sources = Math.max(
    newest(path.join(PROJECT_ROOT, 'web')),
    statSync(path.join(PROJECT_ROOT, 'README.md')).mtimeMs,
  );
  if (
    existsSync(built) &&
    existsSync(path.join(WEB_DIR, 'embed.js')) &&
    statSync(built).mtimeMs >= sources
  )
    return;
  console.log('Building the web bundle (npm run build:web)…');
  const build = spawnSync('npm', ['run', '--silent', 'build:web'], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    timeout: 10 * 60_000,
  });
  if (build.status !== 0)
    throw new Error(`npm run build:web failed:\n${build.stdout}\n${build.stderr}`);
  console.log(build.stdout.trim());
}

/**
 * Headless Chromium with a fresh profile (Playwright makes a new one per launch), and nothing
 * that would reach for the network on its own: this machine's network is closed.
 */
export function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({
    executablePath,
    headless: true,
    chromiumSandbox: false,
    args: [
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * What went wrong on a page while a test used it: console errors, uncaught exceptions, failed
 * requests.
 */
export interface PageProblems {
  readonly errors: string[];
}

export function watchProblems(page: Page): PageProblems {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`exception: ${error.message}`));
  page.on('requestfailed', (request) => {
    // A request the page itself aborted (a newer search replaced it) is not a failure.
    if (request.failure()?.errorText !== 'net::ERR_ABORTED')
      errors.push(`request failed: ${request.url()} ${request.failure()?.errorText}`);
  });
  return { errors };
}

/** axe-core's violations of impact serious or critical, as `rule: help (n nodes)`. */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  // A string, not a function: this file is compiled without the DOM's types.
  const violations = (await page.evaluate(
    `axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length })))`,
  )) as Array<{ id: string; impact: string; help: string; nodes: number }>;
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes} nodes)`);
}

/**
 * A PNG under test-artifacts/: the whole page, or what is in view (`fullPage: false`), or a clip of
 * it.
 */
export async function screenshot(
  page: Page,
  name: string,
  options: {
    fullPage?: boolean;
    clip?: { x: number; y: number; width: number; height: number };
  } = {},
): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: options.fullPage ?? true, clip: options.clip });
  return file;
}
