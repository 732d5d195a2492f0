import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Command, Option } from 'commander';
import { PROJECT_ROOT } from '../core/config';
import { KEBAB } from '../core/slug';
import { DocumentError } from '../document/document-error';
import { readVocabulary } from '../draft/draft-vocabulary';
import { reviewOf, writeDraft } from '../draft/draft-writer';
import { draftReport } from '../draft/draft.service';
import { checkSeed } from '../seed/seed-check';
import { formatProblem, readSeedWith } from '../seed/seed-files';
import { type CliIo, EXIT, failure, progressBar, UsageError } from './cli-runtime';
import {
  checkEndpointOptions,
  type ProposeOptions,
  runPropose,
  withEndpointOptions,
} from './propose.command';

/**
 * `zhili draft REPORT.txt`: proposes facts from a new report as seed-format files in a draft
 * folder, for an editor. Nothing is published.
 */

interface DraftOptions extends ProposeOptions {
  readonly out?: string;
  readonly seed: string;
  readonly id?: string;
  readonly published?: string;
  readonly force?: boolean;
  readonly check: boolean;
  readonly propose?: boolean;
}

export function draftCommand(io: CliIo): Command {
  return withEndpointOptions(
    new Command('draft')
      .description(
        'Propose facts from a new report (figures, regions, periods, rates, models) as ' +
          'seed-format files in a draft folder, for review',
      )
      .argument(
        '<report>',
        'the report: a text file (UTF-8 or GB18030), a web page (.html), a Word file (.docx) ' +
          'or a PDF with a text layer',
      )
      .addOption(new Option('-o, --out <dir>', 'the draft folder (default drafts/<source-id>/)'))
      .addOption(
        new Option(
          '--seed <dir>',
          'the seed folder whose vocabulary (units, indicators, names of models, principles, ' +
            'organisations) the draft uses',
        ).default(path.join(PROJECT_ROOT, 'seed'), "the project's seed/"),
      )
      .addOption(new Option('--id <id>', 'the source id (default: from the file name)'))
      .addOption(
        new Option(
          '--published <date-time>',
          "the report's date, ISO 8601 with offset, when its text does not state it",
        ),
      )
      .addOption(new Option('--force', 'overwrite a draft folder that is not empty'))
      .addOption(
        new Option('--no-check', 'skip checking the draft with the seed (seed:check --with)'),
      )
      .addOption(
        new Option(
          '--propose',
          'then propose the draft through the API as DRAFT changes (zhili propose; needs ' +
            '--endpoint and --token)',
        ),
      ),
  )
    .addHelpText(
      'after',
      '\nThe draft folder holds sources.yaml (with sha256) and sources/, observations.yaml, ' +
        'indicators.yaml (new ones), regions.yaml,\nmodels.yaml (candidate new models), ' +
        "non-figures.yaml and draft.json (every proposal's confidence and reason).\nCheck it " +
        'with: npm run seed:check -- --with <dir>',
    )
    .action(async (report: string, options: DraftOptions) => {
      process.exitCode = await runDraft(io, report, options).catch((error: unknown) =>
        failure(io, error),
      );
    });
}

function validate(options: DraftOptions): void {
  if (options.id !== undefined && !KEBAB.test(options.id))
    throw new UsageError(`--id must be ASCII kebab-case, not "${options.id}"`);
  if (options.published !== undefined && Number.isNaN(Date.parse(options.published)))
    throw new UsageError(
      `--published must be an ISO 8601 date-time with offset, not "${options.published}"`,
    );
  if (!existsSync(options.seed)) throw new UsageError(`--seed ${options.seed} does not exist`);
}

/**
 * The draft checked with the seed, then (--propose, when the check passed) proposed through the
 * API.
 */
async function checkAndPropose(io: CliIo, options: DraftOptions, dir: string): Promise<number> {
  const checked = options.check ? await checkWithSeed(io, options.seed, dir) : EXIT.ok;
  if (!options.propose || checked !== EXIT.ok) return checked;
  return runPropose(io, dir, options);
}

async function runDraft(io: CliIo, report: string, options: DraftOptions): Promise<number> {
  validate(options);
  if (options.propose) checkEndpointOptions(io, options);
  if (!existsSync(report)) throw new Error(`report ${report} not found`);
  const bytes = readFileSync(report);
  const bar = progressBar(io, 'drafting');
  let draft;
  try {
    draft = await draftReport({
      bytes,
      fileName: path.basename(report),
      vocabulary: readVocabulary(options.seed),
      options: { id: options.id, published: options.published },
      progress: (_, done, total) => bar.update(done, total),
    });
  } catch (error) {
    if (error instanceof DocumentError) throw new Error(`${report}: ${error.message}`);
    throw error;
  } finally {
    bar.stop();
  }
  const dir = path.resolve(options.out ?? path.join('drafts', draft.source.entry.id));
  try {
    writeDraft(dir, draft, options.force);
  } catch (error) {
    if (error instanceof Error && /not empty/.test(error.message))
      throw new UsageError(error.message);
    throw error;
  }
  const s = reviewOf(draft).summary;
  io.out(
    `draft of ${draft.source.entry.id} (sha256 ${draft.source.entry.sha256.slice(0, 12)}…) in ${path.relative(process.cwd(), dir) || '.'}/\n`,
  );
  io.out(
    `  figures ${s.figures} (rates paired ${s.ratesPaired}, undated ${s.undated}), non-figures ${s.nonFigures}, regions ${s.regions}, new indicators ${s.newIndicators}\n`,
  );
  io.out(
    `  known models, principles and organisations named ${s.knownMentions}, candidate new models ${s.candidateModels}\n`,
  );
  return checkAndPropose(io, options, dir);
}

/**
 * The draft laid over the seed, checked as seed:check would: 0 when it passes, 1 with the problems
 * listed.
 */
async function checkWithSeed(io: CliIo, seedDir: string, dir: string): Promise<number> {
  const { bundle, problems } = readSeedWith(seedDir, [dir]);
  const all = problems.length > 0 ? problems : (await checkSeed(bundle, [seedDir, dir])).problems;
  for (const p of all) io.err(`error: ${formatProblem(p)}`);
  io.out(
    all.length === 0
      ? `  seed:check with ${path.relative(process.cwd(), seedDir) || '.'}: OK\n`
      : `  seed:check with the seed: ${all.length} problem(s)\n`,
  );
  return all.length === 0 ? EXIT.ok : EXIT.failed;
}
