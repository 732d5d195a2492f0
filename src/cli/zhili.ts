import { once } from 'node:events';
import { Command, CommanderError } from 'commander';
import { loadDotEnv } from '../core/config';
import { APP_VERSION } from '../core/version';
import { type CliIo, EXIT, EXIT_HELP, failure } from './cli-runtime';
import { draftCommand } from './draft.command';
import { exportCommand } from './export.command';
import { importCommand } from './import.command';
import { migrateCommand } from './migrate.command';
import { proposeCommand } from './propose.command';

/**
 * `zhili <command>`: the project's command-line tool (bin/zhili.js runs it). Connection settings
 * come from the environment and .env as for the API (NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD,
 * NEO4J_DATABASE), each overridable by --uri, --user and --password.
 */
export function program(io: CliIo): Command {
  const root = new Command('zhili')
    .description(
      'Zhili (治理): draft facts from a new report and propose them for review, export or ' +
        'import the graph, and migrate a database',
    )
    .version(APP_VERSION)
    .showHelpAfterError()
    .addHelpText(
      'after',
      `${EXIT_HELP}\n\nRun \`zhili <command> --help\` for a command's options.`,
    );
  root.addCommand(draftCommand(io));
  root.addCommand(exportCommand(io));
  root.addCommand(importCommand(io));
  root.addCommand(migrateCommand(io));
  root.addCommand(proposeCommand(io));
  // Every command answers through io and reports errors here, so tests can run it in-process.
  const configure = (c: Command): void => {
    c.exitOverride().configureOutput({
      writeOut: (s) => io.out(s),
      writeErr: (s) => io.err(s.trimEnd()),
    });
    c.commands.forEach(configure);
  };
  configure(root);
  return root;
}

/** Runs the tool on `argv` (without node and the script) and returns its exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const before = process.exitCode;
  process.exitCode = undefined;
  try {
    await program(io).parseAsync(argv, { from: 'user' });
    // A command may set process.exitCode instead of throwing (draft does).
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    return failure(io, error);
  } finally {
    process.exitCode = before;
  }
}

/**
 * The process entry (bin/zhili.js): .env, then the tool, then exit with its code once stdout is
 * flushed.
 */
export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  // `zhili … | head` closes the pipe early: that ends the output, it is not a failure.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  loadDotEnv();
  const io: CliIo = {
    out: (chunk) => void process.stdout.write(chunk),
    drained: () =>
      process.stdout.writableNeedDrain
        ? once(process.stdout, 'drain').then(() => undefined)
        : Promise.resolve(),
    err: (line) => void process.stderr.write(`${line}\n`),
    env: process.env,
    interactive: Boolean(process.stderr.isTTY),
  };
  const code = await runCli(argv, io);
  process.stdout.write('', () => process.exit(code));
}
