import { z } from 'zod';
import type { Executor } from '../core/db/executor';
import { bumpRevisionQuery } from '../core/db/revision';
import { applySchema } from '../core/db/schema-statements';
import { ENTITIES, SCHEMA } from '../modules';
import { stampNamingRuleQuery } from './region-rename';
import { checkSeed } from './seed-check';
import { formatProblem, type Problem, readSeed } from './seed-files';
import { loadRegions } from './seed-regions';
import { knowledgePlan } from './seed.statements';

export interface SeedOptions {
  readonly seedDir: string;
  /** 2-digit province prefixes to load whole, or 'all' for every region of China. */
  readonly provinces: readonly string[] | 'all';
  readonly progress?: boolean;
  readonly log?: (line: string) => void;
  /** False when the caller has just applied the schema itself (start-up). */
  readonly migrate?: boolean;
  /**
   * False to leave the indexes to the caller, who writes more before creating them (the benchmark).
   */
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
