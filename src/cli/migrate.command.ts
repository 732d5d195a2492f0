import { Command } from 'commander';
import { migrate } from '../seed/migrate';
import {
  type CliIo,
  type ConnectionOptions,
  EXIT_HELP,
  withConnectionOptions,
  withExecutor,
} from './cli-runtime';

interface MigrateCommandOptions extends ConnectionOptions {
  readonly seed: boolean;
}

const HELP = `
Run it once before API replicas started with SEED_ON_START=false: they wait until a migration
has finished. Running it again is harmless (every step is idempotent), and two runs at once take
turns on a lease kept in the graph, so the seed graph is loaded once.
${EXIT_HELP}`;

/** `zhili migrate`: the schema, region names and the seed graph of an empty database, then exit. */
export function migrateCommand(io: CliIo): Command {
  return withConnectionOptions(
    new Command('migrate').description(
      'Apply constraints and indexes and, on an empty database, load the seed graph: the ' +
        'one-off step before API replicas start',
    ),
  )
    .option('--no-seed', 'only the schema and region names; never load the seed graph')
    .addHelpText('after', HELP)
    .action(async (opts: MigrateCommandOptions) => {
      const done = await withExecutor(io, opts, (executor) =>
        migrate(executor, io.err, { seed: opts.seed }),
      );
      const seeded = done.seeded
        ? `seed graph loaded in ${(done.seeded.ms.total / 1000).toFixed(1)} s`
        : 'seed graph not loaded (the database holds data, or --no-seed)';
      io.out(
        `Migrated: ${done.statements} schema statements applied; ${seeded}; ` +
          `${done.migrations} migrations and ${done.seeds} seed loads recorded on this database.\n`,
      );
    });
}
