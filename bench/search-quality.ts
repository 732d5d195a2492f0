import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { PROJECT_ROOT } from '../src/core/config';
import type { Executor } from '../src/core/db/executor';
import { mean, ndcgAt, percentile, reciprocalRank } from '../src/search/search-metrics';

/**
 * The judged query set (test/fixtures/search-judgements.yaml) run against a Zhili server: MRR and
 * nDCG@5 over `search(text, first: 5)`, and its latency. Used by test/search-quality.test.ts
 * (Yunnan) and the benchmark's "search quality" section (every scale).
 */
export const JUDGEMENTS_FILE = path.join(
  PROJECT_ROOT,
  'test',
  'fixtures',
  'search-judgements.yaml',
);
export const TOP = 5;

const LANGS = ['zh', 'en', 'pinyin'] as const;
const judgement = z.object({
  q: z.string().min(1),
  lang: z.enum(LANGS),
  kind: z.enum(['model', 'slogan', 'principle', 'place', 'organisation', 'misspelling']),
  why: z.string().min(1),
  expect: z.record(
    z.string().regex(/^(GovernanceModel|Practice|Principle|Region|Organization):.+$/),
    z.number().int().min(1).max(3),
  ),
});
export type Judgement = z.output<typeof judgement>;

export function loadJudgements(file = JUDGEMENTS_FILE): Judgement[] {
  return z.object({ queries: z.array(judgement).min(1) }).parse(parse(readFileSync(file, 'utf8')))
    .queries;
}

const KEY_OF: Record<string, string> = {
  GovernanceModel: 'slug',
  Principle: 'slug',
  Practice: 'id',
  Organization: 'id',
  Region: 'code',
};

/** The judged ids the database holds (a Zhejiang town is not in the Yunnan gazetteer). */
export async function existingIds(
  executor: Executor,
  judgements: readonly Judgement[],
): Promise<Set<string>> {
  const ids = [...new Set(judgements.flatMap((j) => Object.keys(j.expect)))];
  const found = new Set<string>();
  for (const [label, key] of Object.entries(KEY_OF)) {
    const keys = ids
      .filter((id) => id.startsWith(`${label}:`))
      .map((id) => id.slice(label.length + 1));
    const rows = await executor.read({
      cypher: `MATCH (n:${label}) WHERE n.${key} IN $keys RETURN n.${key} AS k`,
      params: { keys },
      row: z.object({ k: z.string() }),
    });
    for (const r of rows) found.add(`${label}:${r.k}`);
  }
  return found;
}

export interface QueryScore {
  readonly q: string;
  readonly lang: Judgement['lang'];
  readonly kind: Judgement['kind'];
  readonly rr: number;
  readonly ndcg: number;
  readonly top: readonly string[];
}

/** A query's scores against the ids that exist at this scale; null when none does. */
export function scoreQuery(
  j: Judgement,
  ranked: readonly string[],
  existing: ReadonlySet<string>,
): QueryScore | null {
  const grades = new Map(Object.entries(j.expect).filter(([id]) => existing.has(id)));
  if (!grades.size) return null;
  return {
    q: j.q,
    lang: j.lang,
    kind: j.kind,
    rr: reciprocalRank(ranked.slice(0, TOP), grades),
    ndcg: ndcgAt(TOP, ranked, grades),
    top: ranked.slice(0, TOP),
  };
}

export interface Quality {
  readonly queries: number;
  readonly skipped: readonly string[];
  readonly mrr: number;
  readonly ndcg5: number;
  readonly byLang: Record<string, { queries: number; mrr: number; ndcg5: number }>;
  readonly perQuery: readonly QueryScore[];
}

export function summarise(scores: readonly QueryScore[], skipped: readonly string[]): Quality {
  const byLang = Object.fromEntries(
    LANGS.map((lang) => {
      const xs = scores.filter((s) => s.lang === lang);
      return [
        lang,
        { queries: xs.length, mrr: mean(xs.map((s) => s.rr)), ndcg5: mean(xs.map((s) => s.ndcg)) },
      ];
    }),
  );
  return {
    queries: scores.length,
    skipped,
    mrr: mean(scores.map((s) => s.rr)),
    ndcg5: mean(scores.map((s) => s.ndcg)),
    byLang,
    perQuery: scores,
  };
}

const SEARCH = 'query($t: String!) { search(text: $t, first: 5) { id } }';

/**
 * One operation over HTTP, as a portal sends it, with the text as `$t`: its data and the
 * milliseconds it took.
 */
async function post(
  url: string,
  query: string,
  text: string,
): Promise<{ data: Record<string, unknown>; ms: number }> {
  const started = performance.now();
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables: { t: text } }),
  });
  const body = (await res.json()) as {
    data?: Record<string, unknown>;
    errors?: Array<{ message: string }>;
  };
  const ms = performance.now() - started;
  if (body.errors || !body.data)
    throw new Error(`"${text}": ${body.errors?.map((e) => e.message).join('; ') ?? res.status}`);
  return { data: body.data, ms };
}

/** The ids `search(text, first: 5)` answers. */
export async function searchIds(url: string, text: string): Promise<string[]> {
  return ((await post(url, SEARCH, text)).data.search as Array<{ id: string }>).map((h) => h.id);
}

/** The judged set's quality on the server at `url`. */
export async function judge(
  url: string,
  executor: Executor,
  judgements = loadJudgements(),
): Promise<Quality> {
  const existing = await existingIds(executor, judgements);
  const scores: QueryScore[] = [];
  const skipped: string[] = [];
  for (const j of judgements) {
    const s = scoreQuery(j, await searchIds(url, j.q), existing);
    if (s) scores.push(s);
    else skipped.push(j.q);
  }
  return summarise(scores, skipped);
}

export interface Latency {
  readonly requests: number;
  readonly p50: number | null;
  readonly p95: number | null;
  readonly p99: number | null;
}

/**
 * Latency of an operation over the texts, one request at a time, `rounds` times over (after one
 * round discarded).
 */
export async function latency(
  url: string,
  texts: readonly string[],
  rounds: number,
  query = SEARCH,
): Promise<Latency> {
  for (const t of texts) await post(url, query, t);
  const ms: number[] = [];
  for (let r = 0; r < rounds; r += 1)
    for (const t of texts) ms.push((await post(url, query, t)).ms);
  return {
    requests: ms.length,
    p50: percentile(ms, 50),
    p95: percentile(ms, 95),
    p99: percentile(ms, 99),
  };
}

/** Per-query lines and the totals, for a terminal or a results file. */
export function qualityReport(scale: string, q: Quality): string {
  const fmt = (x: number) => x.toFixed(3);
  const lines = [
    `search quality (${scale}): ${q.queries} judged queries, MRR ${fmt(q.mrr)}, nDCG@5 ${fmt(q.ndcg5)}`,
  ];
  lines.push(
    `  by language: ${Object.entries(q.byLang)
      .map(([l, v]) => `${l} ${v.queries} q, MRR ${fmt(v.mrr)}, nDCG@5 ${fmt(v.ndcg5)}`)
      .join(' · ')}`,
  );
  if (q.skipped.length)
    lines.push(`  skipped (no judged id at this scale): ${q.skipped.join(', ')}`);
  for (const s of q.perQuery.filter((x) => x.rr < 1 || x.ndcg < 0.8))
    lines.push(`  ${s.q}: RR ${fmt(s.rr)} nDCG@5 ${fmt(s.ndcg)} top ${s.top.join(' ')}`);
  return lines.join('\n');
}

/**
 * The benchmark's section: quality of the judged set, and latency over it and the benchmark's other
 * search texts.
 */
export interface SearchSection {
  readonly scale: string;
  readonly quality: Quality;
  /** `search(text, first: 5) { id }`, one request at a time. */
  readonly search: Latency;
  /** `searchResults(text, first: 10)` with facets, paths and highlights, as a results page asks. */
  readonly page: Latency;
}

const PAGE = `query($t: String!) { searchResults(text: $t, first: 10) {
  facets { type count exact } totalCount edges { node { id name path highlight matchKind } } } }`;
/** What the rest of the benchmark searches for (cases.ts, portal.bench.ts). */
const OTHER_TEXTS = ['村规民约', 'village compact'];

export async function searchSection(
  scale: string,
  url: string,
  executor: Executor,
  rounds = 10,
): Promise<SearchSection> {
  const judgements = loadJudgements();
  const quality = await judge(url, executor, judgements);
  const texts = [...judgements.map((j) => j.q), ...OTHER_TEXTS];
  const search = await latency(url, texts, rounds);
  const page = await latency(url, texts, Math.max(1, Math.floor(rounds / 2)), PAGE);
  return { scale, quality, search, page };
}

export function searchSectionMarkdown(sections: readonly SearchSection[]): string {
  const ms = (x: number | null) => (x === null ? '—' : x.toFixed(1));
  const rows = [
    '| scale | judged queries | MRR | nDCG@5 | search p50 / p95 / p99 (ms) | requests | results ' +
      'page with facets p50 / p95 / p99 (ms) | requests |',
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const s of sections) {
    rows.push(
      `| ${s.scale} | ${s.quality.queries} | ${s.quality.mrr.toFixed(3)} | ${s.quality.ndcg5.toFixed(3)} | ${ms(s.search.p50)} / ${ms(s.search.p95)} / ${ms(s.search.p99)} | ${s.search.requests} | ${ms(s.page.p50)} / ${ms(s.page.p95)} / ${ms(s.page.p99)} | ${s.page.requests} |`,
    );
  }
  return rows.join('\n');
}
