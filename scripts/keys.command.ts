import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { apiKeyConstraint, type ApiKeyInfo } from '../src/auth/apikey.repository';
import {
  checkKeyName,
  createApiKey,
  listApiKeys,
  parseRole,
  revokeApiKey,
} from '../src/auth/apikey.service';
import { type Config, loadConfig } from '../src/core/config';
import { ROLES } from '../src/core/context';
import { createDriver } from '../src/core/db/driver';
import { Executor } from '../src/core/db/executor';
import { devInstance } from '../src/core/db/local-instances';
import { startLocalNeo4j } from '../src/core/db/local-neo4j';
import { createSchema } from '../src/core/db/schema-statements';
import { AppError } from '../src/core/errors';

/** Exit codes scripts can rely on. */
export const EXIT = { ok: 0, failed: 1, usage: 2, notFound: 3 } as const;

export interface KeysIo {
  /** What a script captures: the token, the list, JSON. */
  readonly out: (line: string) => void;
  /** Everything for the person at the terminal: progress, notes, errors. */
  readonly err: (line: string) => void;
  readonly env: NodeJS.ProcessEnv;
}

/**
 * Runs `work` on the configured Neo4j (the local one, started if needed, when NEO4J_URI is unset).
 */
async function withDatabase<T>(
  io: KeysIo,
  work: (executor: Executor, config: Config) => Promise<T>,
): Promise<T> {
  const config = loadConfig(io.env);
  const uri = config.neo4j.uri ?? (await startLocalNeo4j(devInstance(config), io.err)).uri;
  const driver = createDriver(config.neo4j, uri);
  try {
    return await work(
      new Executor(driver, {
        database: config.neo4j.database,
        timeoutMs: config.neo4j.queryTimeoutMs,
        app: 'zhili-keys',
      }),
      config,
    );
  } finally {
    await driver.close();
  }
}

const asName = (value: string): string => {
  try {
    return checkKeyName(value);
  } catch (error) {
    throw new InvalidArgumentError(error instanceof Error ? error.message : String(error));
  }
};

const asRole = (value: string) => {
  const role = parseRole(value);
  if (!role)
    throw new InvalidArgumentError(`one of ${ROLES.map((r) => r.toLowerCase()).join(', ')}`);
  return role;
};

/** Times to the second, in UTC (as stored). */
const when = (iso: string) => `${iso.slice(0, 19)}Z`;
const row = (k: ApiKeyInfo) =>
  [
    k.id,
    k.role.padEnd(8),
    when(k.createdAt),
    (k.revokedAt ? when(k.revokedAt) : 'active').padEnd(20),
    k.name,
  ].join('  ');

/**
 * The `keys` command: create, list and revoke API keys. Returns the exit code instead of exiting,
 * so tests run it in-process.
 */
export async function runKeys(argv: readonly string[], io: KeysIo): Promise<number> {
  let code: number = EXIT.ok;
  const program = new Command('keys')
    .description(
      'Create, list and revoke Zhili API keys (stored hashed; a token is shown once, when its ' +
        'key is created).',
    )
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) })
    .showHelpAfterError();

  program
    .command('create')
    .description(
      'create a key and print its token (once: only a hash is stored). The token alone goes to ' +
        'stdout.',
    )
    .requiredOption('--name <name>', 'whose key it is (a person or a portal)', asName)
    .requiredOption(
      '--role <role>',
      `${ROLES.map((r) => r.toLowerCase()).join(' < ')}: each may do what the ones before it may`,
      asRole,
    )
    .option('--json', 'print {id, name, role, createdAt, token} as JSON instead')
    .action(async (opts: { name: string; role: (typeof ROLES)[number]; json?: boolean }) => {
      const { key, token } = await withDatabase(io, async (executor) => {
        // The API applies its constraints at start-up; a key may be made before it ever ran.
        await createSchema(executor, [apiKeyConstraint]);
        return createApiKey(executor, { name: opts.name, role: opts.role });
      });
      io.err(
        `Created key ${key.id} for "${key.name}" with role ${key.role}. Store the token now: it cannot be shown again.`,
      );
      io.out(opts.json ? JSON.stringify({ ...key, token }) : token);
    });

  program
    .command('list')
    .description('list keys (id, role, created, revoked, name); never secrets')
    .option('--json', 'print a JSON array instead')
    .action(async (opts: { json?: boolean }) => {
      const keys = await withDatabase(io, listApiKeys);
      if (opts.json) io.out(JSON.stringify(keys));
      else if (keys.length === 0) io.err('No API keys.');
      else
        for (const line of [
          `${'id'.padEnd(16)}  role      created               revoked               name`,
          ...keys.map(row),
        ])
          io.out(line);
    });

  program
    .command('revoke')
    .description(
      'revoke a key for good (it is kept, marked revoked). Exit 3 if there is no such key.',
    )
    .argument('<id>', 'the key id (from `keys list`, or the part of the token after zk_)')
    .action(async (id: string) => {
      const { outcome, seconds } = await withDatabase(io, async (executor, config) => ({
        outcome: await revokeApiKey(executor, id),
        seconds: config.auth.cacheSeconds,
      }));
      if (outcome.outcome === 'not-found') {
        io.err(`No API key ${JSON.stringify(id)}.`);
        code = EXIT.notFound;
      } else if (outcome.outcome === 'already-revoked')
        io.err(
          `Key ${id} ("${outcome.key.name}") was already revoked at ${outcome.key.revokedAt}.`,
        );
      else
        io.err(
          `Revoked key ${id} ("${outcome.key.name}"). Running API servers refuse it within ${seconds} s (AUTH_CACHE_SECONDS).`,
        );
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    io.err(error instanceof AppError || error instanceof Error ? error.message : String(error));
    return EXIT.failed;
  }
}
