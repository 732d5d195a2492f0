import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { Command } from 'commander';
import { InvalidInputError } from '../core/errors';
import { sha256 } from '../export/graph-format';
import { type ImportCheckpoint, importGraph } from '../export/import.service';
import { readGraphFile } from '../export/import.validate';
import {
  type CliIo,
  type ConnectionOptions,
  EXIT_HELP,
  progressBar,
  registryKinds,
  UsageError,
  withConnectionOptions,
  withExecutor,
} from './cli-runtime';

interface ImportOptions extends ConnectionOptions {
  readonly replace?: boolean;
  readonly check?: boolean;
  readonly checkpoint?: string;
}

interface Stand {
  readonly sha256: string;
  readonly replace: boolean;
  readonly target: string;
  readonly done: number;
  readonly total: number;
}

/**
 * The checkpoint file of an import: the batches committed so far, for this file (by sha256), mode
 * and database. Written after every batch (atomically, by rename); gone once the import is done.
 */
function checkpointAt(
  path: string,
  expect: Omit<Stand, 'done' | 'total'>,
): ImportCheckpoint & { clear(): void } {
  let done = 0;
  if (existsSync(path)) {
    const stand = JSON.parse(readFileSync(path, 'utf8')) as Partial<Stand>;
    if (
      stand.sha256 === expect.sha256 &&
      stand.replace === expect.replace &&
      stand.target === expect.target
    )
      done = Number(stand.done ?? 0);
  }
  return {
    done,
    save: (committed, total) => {
      writeFileSync(`${path}.tmp`, JSON.stringify({ ...expect, done: committed, total }));
      renameSync(`${path}.tmp`, path);
    },
    clear: () => rmSync(path, { force: true }),
  };
}

const HELP = `
The file is refused whole, before anything is written, when its format version is not the one
this zhili reads, a source's text does not match its sha256, its counts do not match its body,
or a node or relationship is malformed. Constraints and indexes are created as the seed does.
The file is written in batches of 2,000 rows, each its own transaction; after each, the batches
committed are recorded in a checkpoint file. An import that was interrupted (killed, Neo4j down)
is finished by running the same command again: it resumes after the last committed batch. Every
batch is idempotent, so the graph ends the same either way.
${EXIT_HELP}

Examples:
  zhili import graph.json                  merge into the configured database
  zhili import graph.json --replace        make the database hold exactly the file
  zhili import part.json --check           only check the file`;

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(
      `cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

async function run(io: CliIo, file: string, opts: ImportOptions): Promise<void> {
  const kinds = await registryKinds();
  const text = readText(file);
  let doc;
  try {
    doc = readGraphFile(text, kinds);
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error;
    const problems = (error.extensions.problems as Array<{ field: string; message: string }>) ?? [];
    for (const p of problems.slice(0, 20)) io.err(`  ${p.field}: ${p.message}`);
    if (problems.length > 20) io.err(`  … and ${problems.length - 20} more`);
    throw new InvalidInputError(`${file} is refused, nothing was written`, problems);
  }
  const counts = `${doc.nodes.length} nodes and ${doc.relationships.length} relationships`;
  if (opts.check) {
    io.out(
      `${file}: ${counts}, format version ${doc.header.formatVersion}, ${doc.header.sources.length} source text(s) matching their sha256.\n`,
    );
    return;
  }
  const { SCHEMA } = await import('../modules');
  const bar = progressBar(io, 'import');
  const where = opts.checkpoint ?? `${file}.import-checkpoint.json`;
  const target = `${opts.uri ?? io.env.NEO4J_URI ?? 'local'}/${io.env.NEO4J_DATABASE ?? 'neo4j'}`;
  const checkpoint = checkpointAt(where, {
    sha256: sha256(text),
    replace: opts.replace === true,
    target,
  });
  const summary = await withExecutor(io, opts, (executor) =>
    importGraph(executor, doc, {
      kinds,
      replace: opts.replace,
      schema: SCHEMA,
      progress: bar.update,
      checkpoint,
    }),
  );
  checkpoint.clear();
  bar.stop();
  const { nodes, relationships, batches } = summary;
  const resumed =
    batches.resumedAfter > 0 ? `, resuming after ${batches.resumedAfter} (from ${where})` : '';
  io.out(
    `Imported ${file} (${counts}) in ${batches.total} batches${resumed} in ${(summary.ms / 1000).toFixed(1)} s: ` +
      `${opts.replace ? `${summary.deleted.nodes} nodes not in the file deleted, ${summary.deleted.relationships} relationships replaced; ` : ''}` +
      `nodes ${nodes.created} created, ${nodes.updated} already there; relationships ${relationships.created} created, ${relationships.present} already there.\n`,
  );
}

/**
 * `zhili import FILE.json`: a lossless export into the database, in resumable batches, idempotent.
 */
export function importCommand(io: CliIo): Command {
  return withConnectionOptions(
    new Command('import')
      .description(
        'Read a lossless JSON export into the database in batches; run again after an ' +
          'interruption, it resumes; importing the same file again changes nothing',
      )
      .argument('<file>', 'a file written by `zhili export --format json`')
      .option(
        '--replace',
        'make the database hold exactly the file: nodes of the exported kinds that it lacks are ' +
          "deleted, and properties and relationships become the file's (API keys and the review " +
          'log stay); whole-graph files only',
      )
      .option(
        '--check',
        'only check the file (format version, sha256 of the sources, counts, shape); no ' +
          'database is used',
      )
      .option(
        '--checkpoint <path>',
        'where the batches committed so far are recorded (default: FILE.import-checkpoint.json)',
      ),
  )
    .addHelpText('after', HELP)
    .action((file: string, opts: ImportOptions) => run(io, file, opts));
}
