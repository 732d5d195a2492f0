import { existsSync } from 'node:fs';
import path from 'node:path';
import { Command, Option } from 'commander';
import { DraftFolderError, readDraftFolder } from '../draft/draft-folder';
import { ProposeFailure, summaryLines } from '../propose/propose-classify';
import { EndpointUnavailableError, graphqlClient } from '../propose/propose-client';
import { proposeDraft } from '../propose/propose.service';
import { type CliIo, EXIT, failure, UsageError } from './cli-runtime';

/**
 * `zhili propose DRAFT_DIR`: a draft folder's facts proposed through the API as DRAFT changes, for
 * review. Nothing is published.
 */

export interface ProposeOptions {
  readonly endpoint?: string;
  readonly token?: string;
}

const HELP = `
In order: the source (with its text), candidate models, figures (the parts of a rate before the rate).
Each is proposed once: a fact already published or with an open change is left alone, and running
again proposes only what has become possible. A fact waits, with its reason, while what it needs is
not in the graph: figures wait for their source to be published by a reviewer (a quote is checked
against the stored source), for a new indicator an editor adds to seed/indicators.yaml, for a region.

Exit codes:
  0  the run completed (some facts may wait)
  1  a fact was refused (its field problems are listed) or the endpoint refused the key
  2  usage error
  3  the endpoint is unreachable or unavailable (503)

Example:
  zhili propose drafts/binchuan-2021-mediation-notes --endpoint https://zhili.example.org/graphql   (key in ZHILI_TOKEN)`;

/** --endpoint and --token (each defaulting to the environment), for propose and draft --propose. */
export function withEndpointOptions(command: Command): Command {
  return command
    .addOption(
      new Option(
        '--endpoint <url>',
        'the Zhili GraphQL endpoint (default ZHILI_ENDPOINT), e.g. http://localhost:4000/graphql',
      ),
    )
    .addOption(
      new Option(
        '--token <key>',
        'an EDITOR API key, zk_… (default ZHILI_TOKEN; the environment keeps it out of the ' +
          'process list)',
      ),
    );
}

function endpointOf(io: CliIo, options: ProposeOptions): { endpoint: string; token: string } {
  const endpoint = options.endpoint ?? io.env.ZHILI_ENDPOINT;
  const token = options.token ?? io.env.ZHILI_TOKEN;
  if (!endpoint) throw new UsageError('give the API with --endpoint URL (or ZHILI_ENDPOINT)');
  if (!/^https?:\/\/[^\s]+$/.test(endpoint) || !URL.canParse(endpoint))
    throw new UsageError(`--endpoint must be an http(s) URL, not "${endpoint}"`);
  if (!token) throw new UsageError("give an editor's API key with --token KEY (or ZHILI_TOKEN)");
  return { endpoint, token };
}

/** Checks the options before any work (draft --propose calls it before drafting). */
export function checkEndpointOptions(io: CliIo, options: ProposeOptions): void {
  endpointOf(io, options);
}

/** Proposes the folder's facts and prints the summary; returns the exit code. */
export async function runPropose(io: CliIo, dir: string, options: ProposeOptions): Promise<number> {
  const { endpoint, token } = endpointOf(io, options);
  if (!existsSync(dir)) throw new UsageError(`draft folder ${dir} does not exist`);
  try {
    const folder = readDraftFolder(dir);
    const outcomes = await proposeDraft(graphqlClient(endpoint, token), folder);
    io.out(
      `propose ${folder.sourceId} from ${path.relative(process.cwd(), path.resolve(dir)) || '.'}/ to ${endpoint}\n`,
    );
    for (const line of summaryLines(outcomes)) io.out(`  ${line}\n`);
    return outcomes.some((o) => o.kind === 'refused') ? EXIT.failed : EXIT.ok;
  } catch (error) {
    if (error instanceof EndpointUnavailableError) {
      io.err(`error: ${error.message}`);
      return EXIT.unavailable;
    }
    if (error instanceof DraftFolderError || error instanceof ProposeFailure) {
      io.err(`error: ${error.message}`);
      return EXIT.failed;
    }
    throw error;
  }
}

export function proposeCommand(io: CliIo): Command {
  return withEndpointOptions(
    new Command('propose')
      .description(
        "Propose a draft folder's facts (from `zhili draft`) through the API as DRAFT changes " +
          'for review; nothing is published',
      )
      .argument('<draft-dir>', 'the draft folder'),
  )
    .addHelpText('after', HELP)
    .action(async (dir: string, options: ProposeOptions) => {
      process.exitCode = await runPropose(io, dir, options).catch((error: unknown) =>
        failure(io, error),
      );
    });
}
