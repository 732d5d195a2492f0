import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readVocabulary } from '../src/draft/draft-vocabulary';
import { draftReport } from '../src/draft/draft.service';
import {
  addScores,
  precisionOf,
  readKeys,
  recallOf,
  type ReportKey,
  type Score,
  scoreDraft,
  scoreLine,
} from './support/draft-score';

/**
 * The drafter on reports of every common form (work reports, yearbooks, briefs, bulletins,
 * summaries, articles; as text, Word, PDF and web pages), each scored against a key made by hand
 * before the drafter ran on it. `reports/` are the reports the drafter's rules were tried on;
 * `reports-unseen/` were written by someone else and are not read by the rules' authors: their
 * figures show whether the rules generalise.
 */

const root = path.resolve(__dirname, '..');
const vocabulary = readVocabulary(path.join(root, 'seed'));

async function scoreFolder(dir: string): Promise<Array<{ key: ReportKey; score: Score }>> {
  const out = [];
  for (const { key, report } of readKeys(dir)) {
    const draft = await draftReport({
      bytes: readFileSync(report),
      fileName: path.basename(report),
      vocabulary,
    });
    out.push({ key, score: scoreDraft(draft, key) });
  }
  return out;
}

/** Prints the scores; the misses only where `details` (the unseen reports stay unread). */
function table(
  title: string,
  scored: ReadonlyArray<{ key: ReportKey; score: Score }>,
  details: boolean,
): Score {
  const forms = [...new Set(scored.map((s) => s.key.form))].sort();
  const overall = addScores(scored.map((s) => s.score));
  const lines = [
    title,
    ...scored.map((s) => scoreLine(`${s.key.file} (${s.key.form})`, s.score)),
    ...forms.map((f) =>
      scoreLine(`form ${f}`, addScores(scored.filter((s) => s.key.form === f).map((s) => s.score))),
    ),
    scoreLine('overall', overall),
    ...(details ? scored.flatMap((s) => s.score.misses.map((m) => `  ${s.key.file}: ${m}`)) : []),
  ];
  console.log(lines.join('\n'));
  return overall;
}

describe('drafting reports of every form, scored against hand-made keys', () => {
  it('drafts the figures of the reports its rules were tried on', async () => {
    const scored = await scoreFolder(path.join(__dirname, 'fixtures', 'reports'));
    const overall = table('reports the rules were tried on', scored, true);
    expect(scored.length).toBeGreaterThanOrEqual(8);
    expect(recallOf(overall)).toBeGreaterThanOrEqual(0.9);
    expect(precisionOf(overall)).toBeGreaterThanOrEqual(0.9);
    for (const form of new Set(scored.map((s) => s.key.form))) {
      const score = addScores(scored.filter((s) => s.key.form === form).map((s) => s.score));
      expect({
        form,
        recall: recallOf(score) >= 0.9,
        precision: precisionOf(score) >= 0.9,
      }).toEqual({ form, recall: true, precision: true });
    }
  }, 300_000);

  it('drafts the figures of reports its rules were never tried on', async () => {
    const scored = await scoreFolder(path.join(__dirname, 'fixtures', 'reports-unseen'));
    const overall = table('reports the rules were never tried on', scored, false);
    expect(scored.length).toBeGreaterThanOrEqual(6);
    expect(recallOf(overall)).toBeGreaterThanOrEqual(0.85);
    expect(precisionOf(overall)).toBeGreaterThanOrEqual(0.85);
  }, 300_000);
});
