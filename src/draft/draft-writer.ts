import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import type { Draft } from './draft-build';

/**
 * A draft as a folder of seed-format files, with draft.json holding every proposal's confidence and
 * reason.
 */

const HEADER = (what: string, source: string) =>
  `# ${what} drafted from ${source} by \`zhili draft\`: proposals for an editor, not reviewed facts.\n# Each one's confidence and reason are in draft.json. Check with: npm run seed:check -- --with <this folder>\n`;

const yaml = (value: unknown): string => stringify(value, { lineWidth: 0 });

/** The draft's files: name → content. */
export function renderDraft(draft: Draft): Map<string, string> {
  const id = draft.source.entry.id;
  const files = new Map<string, string>();
  const put = (file: string, what: string, key: string, list: readonly unknown[]) => {
    if (list.length > 0) files.set(file, `${HEADER(what, id)}${yaml({ [key]: list })}`);
  };
  put('sources.yaml', 'The source entry (the text the drafter read is in sources/)', 'sources', [
    draft.source.entry,
  ]);
  files.set(path.join('sources', draft.source.entry.file), draft.text);
  put(
    'observations.yaml',
    'Figures',
    'observations',
    draft.observations.map((o) => o.item),
  );
  put(
    'indicators.yaml',
    'New indicators (no known indicator matched)',
    'indicators',
    draft.indicators,
  );
  put('units.yaml', 'Units the vocabulary lacks', 'units', draft.units);
  put(
    'regions.yaml',
    'Regions the text names, resolved against the gazetteer',
    'regions',
    draft.regions.map((r) => r.item),
  );
  put(
    'models.yaml',
    'Candidate new models (quoted names no known model has)',
    'models',
    draft.models.map((m) => m.item),
  );
  put(
    'non-figures.yaml',
    'Numbers judged not to be figures',
    'nonFigures',
    draft.nonFigures.map((n) => n.item),
  );
  files.set('draft.json', `${JSON.stringify(reviewOf(draft), null, 2)}\n`);
  return files;
}

/** The machine-readable review: every proposal with its confidence and reason. */
export function reviewOf(draft: Draft) {
  return {
    source: {
      id: draft.source.entry.id,
      sha256: draft.source.entry.sha256,
      fields: draft.source.review,
    },
    summary: {
      figures: draft.observations.length,
      nonFigures: draft.nonFigures.length,
      regions: draft.regions.length,
      newIndicators: draft.indicators.length,
      knownMentions: draft.mentions.length,
      candidateModels: draft.models.length,
      ratesPaired: draft.observations.filter((o) => o.item.numerator).length,
      undated: draft.observations.filter((o) => o.item.time === 'UNDATED').length,
    },
    figures: draft.observations.map((o) => o.review),
    regions: draft.regions.map((r) => r.review),
    mentions: draft.mentions,
    candidateModels: draft.models.map((m) => m.review),
    nonFigures: draft.nonFigures.map((n) => ({ ...n.item, confidence: n.review.confidence })),
  };
}

/** A folder that exists and holds files would mix two drafts: refused unless `force`. */
export function writeDraft(dir: string, draft: Draft, force = false): string[] {
  if (existsSync(dir) && readdirSync(dir).length > 0 && !force)
    throw new Error(`${dir} is not empty (use --force to overwrite)`);
  const written: string[] = [];
  for (const [file, content] of renderDraft(draft)) {
    const full = path.join(dir, file);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, content);
    written.push(full);
  }
  return written;
}
