import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { stringify as stableJson } from 'safe-stable-stringify';
import { parse } from 'yaml';
import { type Fact, factKey, factReferences } from '../editing/editing-facts';
import { citedSources, type FactProblem, parseFact } from '../editing/editing.validate';

/**
 * What `zhili propose` sends from a draft folder (`zhili draft`'s seed-format files): each fact
 * as proposeFact takes it, in the order its dependencies ask — the source (with its text) first,
 * then candidate models, then figures (the parts of a rate before the rate).
 */

export type ProposedType = 'SOURCE' | 'MODEL' | 'OBSERVATION';

/**
 * Something in the graph a fact refers to: it must be there (published) before the fact can be
 * proposed.
 */
export interface Requirement {
  /**
   * Source, Region, Indicator, Unit, Observation, GovernanceModel, Principle, Organization or
   * Practice.
   */
  readonly label: string;
  readonly key: string;
  /** Where in the fact it is named (`region`, `numerator`, `citations`). */
  readonly field: string;
}

export interface Proposal {
  readonly type: ProposedType;
  readonly key: string;
  /** The fact as the draft holds it (the source with its text): what is sent. */
  readonly fact: Record<string, unknown>;
  readonly clientMutationId: string;
  readonly requires: readonly Requirement[];
  /** Problems the fact's own schema finds: it is not sent. */
  readonly problems: readonly FactProblem[];
}

export interface DraftFolder {
  readonly dir: string;
  readonly sourceId: string;
  readonly proposals: readonly Proposal[];
  /** Indicators and units the draft proposes (its indicators.yaml, units.yaml): code → name. */
  readonly newIndicators: ReadonlyMap<string, string>;
  readonly newUnits: ReadonlyMap<string, string>;
}

/** A folder that is not a readable draft. */
export class DraftFolderError extends Error {
  override readonly name = 'DraftFolderError';
}

/**
 * A stable id for one proposal of one fact: the same fact proposed again is the same request
 * (proposeFact returns the first change).
 */
export function clientMutationIdOf(type: string, fact: Record<string, unknown>): string {
  const digest = createHash('sha256')
    .update(`${type}\n${stableJson(fact)}`, 'utf8')
    .digest('hex');
  return `zhili-propose-${type.toLowerCase()}-${digest.slice(0, 40)}`;
}

/** What a fact needs in the graph: the sources its quotes cite, then every node it names. */
export function requirementsOf(type: ProposedType, fact: Fact): Requirement[] {
  if (type === 'SOURCE') return [];
  const sources = citedSources(fact).map((id) => ({
    label: 'Source',
    key: id,
    field: 'citations',
  }));
  return [
    ...sources,
    ...factReferences(type, fact).map(([label, , key, field]) => ({ label, key, field })),
  ];
}

/** One fact as a proposal: parsed by its kind's schema only to learn its key and what it needs. */
export function proposalOf(type: ProposedType, fact: Record<string, unknown>): Proposal {
  const parsed = parseFact(type, fact);
  const clientMutationId = clientMutationIdOf(type, fact);
  if ('problems' in parsed) {
    const key = String(fact[type === 'MODEL' ? 'slug' : 'id'] ?? '(no key)');
    return { type, key, fact, clientMutationId, requires: [], problems: parsed.problems };
  }
  return {
    type,
    key: factKey(type, parsed.fact),
    fact,
    clientMutationId,
    requires: requirementsOf(type, parsed.fact),
    problems: [],
  };
}

/** Figures before the rates made of them, each group in the draft's order. */
export function figuresInOrder<T extends Record<string, unknown>>(observations: readonly T[]): T[] {
  const isRate = (o: T) => o.numerator !== undefined || o.denominator !== undefined;
  return [...observations.filter((o) => !isRate(o)), ...observations.filter(isRate)];
}

/** The proposals in dependency order: the source, candidate models, figures. */
export function orderProposals(
  source: Record<string, unknown>,
  models: readonly Record<string, unknown>[],
  observations: readonly Record<string, unknown>[],
): Proposal[] {
  return [
    proposalOf('SOURCE', source),
    ...models.map((m) => proposalOf('MODEL', m)),
    ...figuresInOrder(observations).map((o) => proposalOf('OBSERVATION', o)),
  ];
}

/** The list under `key` in a YAML file of the folder ([] when the file is absent). */
function listIn(dir: string, file: string, key: string): Record<string, unknown>[] {
  const full = path.join(dir, file);
  if (!existsSync(full)) return [];
  let doc: unknown;
  try {
    doc = parse(readFileSync(full, 'utf8'));
  } catch (error) {
    throw new DraftFolderError(
      `${full} is not valid YAML: ${(error as Error).message.split('\n')[0]}`,
    );
  }
  const list = (doc as Record<string, unknown> | null)?.[key];
  if (!Array.isArray(list) || list.some((x) => !x || typeof x !== 'object'))
    throw new DraftFolderError(`${full} must hold a list \`${key}:\` of entries`);
  return list as Record<string, unknown>[];
}

/** The source as proposeFact takes it: the entry without its file name, with the file's text. */
function sourceFact(dir: string): Record<string, unknown> {
  const entries = listIn(dir, 'sources.yaml', 'sources');
  if (entries.length !== 1)
    throw new DraftFolderError(
      `${path.join(dir, 'sources.yaml')} must hold exactly one source (a draft is of one report)`,
    );
  const { file, ...entry } = entries[0]!;
  const textFile = path.join(dir, 'sources', String(file));
  if (typeof file !== 'string' || !existsSync(textFile))
    throw new DraftFolderError(`the source's text ${textFile} is missing`);
  return { ...entry, text: readFileSync(textFile, 'utf8') };
}

const names = (list: readonly Record<string, unknown>[]) =>
  new Map(list.map((x) => [String(x.code), String(x.name ?? x.code)]));

/** Reads a draft folder written by `zhili draft` (and perhaps edited since). */
export function readDraftFolder(dir: string): DraftFolder {
  if (!existsSync(path.join(dir, 'sources.yaml')))
    throw new DraftFolderError(`${dir} is not a draft folder (no sources.yaml)`);
  const source = sourceFact(dir);
  return {
    dir,
    sourceId: String(source.id),
    proposals: orderProposals(
      source,
      listIn(dir, 'models.yaml', 'models'),
      listIn(dir, 'observations.yaml', 'observations'),
    ),
    newIndicators: names(listIn(dir, 'indicators.yaml', 'indicators')),
    newUnits: names(listIn(dir, 'units.yaml', 'units')),
  };
}
