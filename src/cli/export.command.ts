import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Command, Option } from 'commander';
import { csvFiles, csvZip } from '../export/export-csv';
import { toGraphml } from '../export/export-graphml';
import { type Sink, streamSink } from '../export/export-sink';
import { streamGraphJson } from '../export/export-stream';
import { exportAtRevision } from '../export/export.service';
import { type ExportScope, type GraphDocument, toJson } from '../export/graph-format';
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

const FORMATS = ['json', 'csv', 'graphml'] as const;
type Format = (typeof FORMATS)[number];

interface ExportOptions extends ConnectionOptions {
  readonly region?: string;
  readonly model?: string;
  readonly format: Format;
  readonly out?: string;
}

const HELP = `
What a part holds (docs/EXPORT.md): --region CODE, the region and every region below it, with the
practices, organisations, people and observations there and the models that originated there;
--model SLUG, the model and every model it derives from or that derives from it (DERIVED_FROM),
with their practices and the observations about those. Either way also the models those practices
implement (--region only), principles, indicators and units, the regions all of it is in or for
(with every region above them), and the quotes that cite any of it with their sources' full texts.
${EXIT_HELP}

The whole graph in JSON is written as it is read, a page of nodes at a time, so memory stays flat
however large the graph (peak RSS is printed); parts, CSV and GraphML are built in memory.

Examples:
  zhili export > graph.json                           the whole graph, lossless
  zhili export --region 530103 --format graphml -o panlong.graphml
  zhili export --model fengqiao-experience --format csv -o fengqiao-csv/   (or -o fengqiao.zip)`;

function scopeOf(opts: ExportOptions): ExportScope {
  if (opts.region !== undefined) return { kind: 'region', code: opts.region };
  if (opts.model !== undefined) return { kind: 'model', slug: opts.model };
  return { kind: 'graph' };
}

/**
 * Writes the document where --out says (standard output by default); returns what it wrote, for the
 * summary.
 */
function write(io: CliIo, doc: GraphDocument, format: Format, out: string | undefined): string {
  if (format === 'csv') {
    const files = csvFiles(doc);
    if (out!.toLowerCase().endsWith('.zip')) {
      writeFileSync(out!, csvZip(files));
      return `${files.length} CSV tables in ${out}`;
    }
    for (const f of files) {
      mkdirSync(path.dirname(path.join(out!, f.path)), { recursive: true });
      writeFileSync(path.join(out!, f.path), f.text, 'utf8');
    }
    return `${files.length} CSV tables under ${out}`;
  }
  const text = format === 'json' ? toJson(doc) : toGraphml(doc);
  if (out === undefined) io.out(text);
  else writeFileSync(out, text, 'utf8');
  return `${(Buffer.byteLength(text) / 1e6).toFixed(1)} MB of ${format.toUpperCase()} to ${out ?? 'standard output'}`;
}

const peakRss = () => `peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`;

/**
 * The whole graph as lossless JSON, streamed: memory stays at a page of nodes, however large the
 * graph.
 */
async function streamWhole(io: CliIo, opts: ExportOptions): Promise<void> {
  const started = Date.now();
  const bar = progressBar(io, 'export');
  const kinds = await registryKinds();
  const file = opts.out === undefined ? undefined : createWriteStream(opts.out, 'utf8');
  const fileSink = file && streamSink(file);
  let bytes = 0;
  const sink: Sink = fileSink
    ? { write: (text) => ((bytes += Buffer.byteLength(text)), fileSink.write(text)) }
    : {
        write: async (text) => (
          (bytes += Buffer.byteLength(text)),
          io.out(text),
          await io.drained?.()
        ),
      };
  try {
    const summary = await withExecutor(io, opts, (executor) =>
      streamGraphJson(executor, kinds, sink, {
        onProgress: (done, total) => bar.update(done, total),
      }),
    );
    bar.stop();
    io.err(
      `Exported ${summary.nodes} nodes and ${summary.relationships} relationships (the whole graph, at revision ${summary.revision}): ${(bytes / 1e6).toFixed(1)} MB of JSON to ${opts.out ?? 'standard output'} in ${((Date.now() - started) / 1000).toFixed(1)} s; ${peakRss()}.`,
    );
  } finally {
    if (file) await new Promise((resolve) => file.end(resolve));
  }
}

async function run(io: CliIo, opts: ExportOptions): Promise<void> {
  if (opts.format === 'csv' && opts.out === undefined)
    throw new UsageError(
      '--format csv writes several tables: give --out a folder, or a file ending in .zip',
    );
  const scope = scopeOf(opts);
  if (scope.kind === 'graph' && opts.format === 'json') return streamWhole(io, opts);
  const started = Date.now();
  const bar = progressBar(io, 'export');
  bar.update(0, 3);
  const kinds = await registryKinds();
  const read = await withExecutor(io, opts, (executor) => exportAtRevision(executor, scope, kinds));
  const doc = read.value;
  bar.update(1, 3);
  const wrote = write(io, doc, opts.format, opts.out);
  bar.update(3, 3);
  bar.stop();
  const edges = doc.relationships.length;
  io.err(
    `Exported ${doc.nodes.length} nodes and ${edges} relationships (${scope.kind === 'graph' ? 'the whole graph' : `${scope.kind} ${scope.kind === 'region' ? scope.code : scope.slug}`}, at revision ${read.revision}): ${wrote} in ${((Date.now() - started) / 1000).toFixed(1)} s; ${peakRss()}.`,
  );
}

/** `zhili export`: the graph or a part of it as lossless JSON, CSV tables or GraphML. */
export function exportCommand(io: CliIo): Command {
  return withConnectionOptions(
    new Command('export')
      .description(
        'Write the whole graph, or a region or model family, as lossless JSON, CSV tables or ' +
          'GraphML',
      )
      .addOption(
        new Option(
          '--region <code>',
          'only this region (统计用区划代码) with its subregions and what they need',
        ).conflicts('model'),
      )
      .addOption(
        new Option(
          '--model <slug>',
          'only this model with its lineage family (ancestors and descendants)',
        ),
      )
      .addOption(
        new Option(
          '--format <format>',
          'json (lossless, what `zhili import` reads), csv or graphml',
        )
          .choices(FORMATS)
          .default('json'),
      )
      .option(
        '-o, --out <path>',
        'file to write (default: standard output); for csv a folder, or a file ending in .zip',
      ),
  )
    .addHelpText('after', HELP)
    .action((opts: ExportOptions) => run(io, opts));
}
