import { readFileSync } from 'node:fs';
import { parse } from 'graphql';
import type { Plugin } from 'vite';

export interface TourQuery {
  readonly title: string;
  readonly query: string;
}

const MODULE_ID = 'virtual:tour-queries';
const RESOLVED_ID = `\0${MODULE_ID}`;
const SECTION = '## A short tour of the API';

/**
 * The README's tour, as the IDE's example tabs: each GraphQL operation in a ```graphql block of
 * the section "A short tour of the API", titled by the bold line above its block. Read at build
 * time, so the IDE shows what the README says without a copy to keep in step.
 */
export function tourFrom(readme: string): TourQuery[] {
  const start = readme.indexOf(SECTION);
  if (start < 0) return [];
  const end = readme.indexOf('\n## ', start + SECTION.length);
  const section = readme.slice(start, end < 0 ? undefined : end);
  const tours: TourQuery[] = [];
  let title = 'Zhili';
  for (const block of section.split(/^```/m)) {
    const heading = [...block.matchAll(/^\*\*(.+?)\*\*/gm)].at(-1);
    if (heading) title = heading[1]!;
    if (!block.startsWith('graphql\n')) continue;
    const text = block.slice('graphql\n'.length);
    const operations = parse(text).definitions.map((d) => text.slice(d.loc!.start, d.loc!.end));
    operations.forEach((query, i) =>
      tours.push({ title: operations.length > 1 ? `${title} (${i + 1})` : title, query }),
    );
  }
  return tours;
}

/**
 * `import tour from 'virtual:tour-queries'`: the README's tour queries (none, with a warning, if it
 * cannot be read).
 */
export function tourQueries(readmePath: string): Plugin {
  return {
    name: 'zhili-tour-queries',
    resolveId: (id) => (id === MODULE_ID ? RESOLVED_ID : undefined),
    load(id) {
      if (id !== RESOLVED_ID) return undefined;
      let tours: TourQuery[] = [];
      try {
        this.addWatchFile(readmePath);
        tours = tourFrom(readFileSync(readmePath, 'utf8'));
      } catch (error) {
        this.warn(
          `README tour queries not read (${String(error)}): the IDE opens without examples`,
        );
      }
      return `export default ${JSON.stringify(tours)};`;
    },
  };
}
