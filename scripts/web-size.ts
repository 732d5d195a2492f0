/**
 * Prints what the web front end costs a browser, gzipped: the explorer's first load (index.html
 * and every file it references, which the browser fetches before the first render), the IDE's,
 * the widget's, and the chunks loaded later on demand. Exits 1 when the first load passes its
 * budget (300 KB gzipped), so a build that would break it fails.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { WEB_DIR } from '../src/server/web.router';

const FIRST_LOAD_BUDGET = 300 * 1024;

const gz = (file: string): number =>
  gzipSync(readFileSync(path.join(WEB_DIR, file)), { level: 9 }).length;
const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

/**
 * A page and the files it references (scripts, styles, module preloads), as paths under WEB_DIR.
 */
export function pageFiles(page: string): string[] {
  const html = readFileSync(path.join(WEB_DIR, page), 'utf8');
  const refs = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+)"/g)].map((m) => m[1]!);
  return [page, ...new Set(refs)];
}

export function sizeOf(files: readonly string[]): number {
  return files.reduce((sum, f) => sum + gz(f), 0);
}

/**
 * The sizes, in one line and a line per large chunk loaded on demand; `over` when the first load
 * passes its budget.
 */
export function webSizes(): { lines: string[]; over: boolean } {
  const explorer = pageFiles('index.html');
  const ide = pageFiles('graphiql.html');
  const counted = new Set([...explorer, ...ide]);
  const lazy = readdirSync(path.join(WEB_DIR, 'assets'))
    .map((f) => `assets/${f}`)
    .filter((f) => !counted.has(f));
  const first = sizeOf(explorer);
  const lines = [
    `web bundle (gzipped): explorer first load ${kb(first)} (${explorer.length} files, budget ${kb(FIRST_LOAD_BUDGET)}); ` +
      `widget /embed.js ${kb(gz('embed.js'))}; IDE page ${kb(sizeOf(ide))}; loaded on demand ${kb(sizeOf(lazy))}`,
    ...lazy.filter((f) => gz(f) > 10 * 1024).map((f) => `  on demand: ${f} ${kb(gz(f))}`),
  ];
  return { lines, over: first > FIRST_LOAD_BUDGET };
}

function main(): void {
  if (!existsSync(path.join(WEB_DIR, 'index.html'))) {
    console.error(`No web bundle in ${WEB_DIR}: run npm run build:web`);
    process.exit(1);
  }
  const { lines, over } = webSizes();
  for (const line of lines) console.log(line);
  if (over) {
    console.error(
      `The explorer's first load is over its budget of ${kb(FIRST_LOAD_BUDGET)} gzipped.`,
    );
    process.exit(1);
  }
}

if (require.main === module) main();
