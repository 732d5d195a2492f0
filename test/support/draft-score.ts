import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import type { Draft } from '../../src/draft/draft-build';
import { type LocatedQuote, locateQuote, locateReported } from '../../src/facts/citations';

/**
 * Scores a draft against a key made by hand: every measuring figure of the report with its value,
 * unit, region code, period kind and the words it was reported in.
 */

const keySchema = z.strictObject({
  form: z.enum(['article', 'summary', 'work-report', 'yearbook', 'brief', 'bulletin']),
  file: z.string(),
  scope: z.string(),
  published: z.string(),
  figures: z.array(
    z.strictObject({
      quote: z.string(),
      reported: z.string(),
      value: z.number(),
      unit: z.string(),
      region: z.string(),
      period: z.enum(['YEAR', 'SPAN', 'AS_OF', 'CUMULATIVE', 'UNDATED']),
    }),
  ),
});
export type ReportKey = z.infer<typeof keySchema>;

/** The keys in a folder, with their report files. */
export function readKeys(dir: string): Array<{ key: ReportKey; report: string }> {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.key.yaml'))
    .sort()
    .map((f) => {
      const key = keySchema.parse(parse(readFileSync(path.join(dir, f), 'utf8')));
      return { key, report: path.join(dir, key.file) };
    });
}

export interface Score {
  readonly keyed: number;
  readonly drafted: number;
  /** Found at the key's words with the key's value. */
  readonly matched: number;
  /** Matched with the unit and region right too. */
  readonly correct: number;
  readonly regionRight: number;
  readonly periodRight: number;
  readonly misses: readonly string[];
}

interface Span {
  readonly from: number;
  readonly to: number;
}
const overlaps = (a: Span, b: Span) => a.from < b.to && b.from < a.to;

export function scoreDraft(draft: Draft, key: ReportKey): Score {
  const { text } = draft;
  const texts = new Map([[draft.source.entry.id, text]]);
  const drafted = draft.observations.map(({ item }) => {
    const q = locateQuote(item.citations![0]!, texts) as LocatedQuote;
    const at = locateReported(q, item.reported, item.reportedOccurrence) as number;
    return { item, span: { from: at, to: at + item.reported.length } };
  });
  const used = new Set<number>();
  let correct = 0;
  let regionRight = 0;
  let periodRight = 0;
  const misses: string[] = [];
  for (const k of key.figures) {
    const q = text.indexOf(k.quote);
    if (q < 0) throw new Error(`${key.file}: the key's quote is not in the text read: ${k.quote}`);
    const from = q + k.quote.indexOf(k.reported);
    const span = { from, to: from + k.reported.length };
    const i = drafted.findIndex(
      (d, n) => !used.has(n) && Math.abs(d.item.value - k.value) < 1e-6 && overlaps(d.span, span),
    );
    const d = drafted[i]?.item;
    if (!d) {
      misses.push(`missed ${k.reported} (${k.value} ${k.unit})`);
      continue;
    }
    used.add(i);
    const region = d.region === k.region;
    regionRight += region ? 1 : 0;
    periodRight += d.time === k.period ? 1 : 0;
    if (region && d.unit === k.unit) correct += 1;
    else misses.push(`${k.reported}: ${d.unit} ${d.region}, key ${k.unit} ${k.region}`);
    if (d.time !== k.period) misses.push(`${k.reported}: time ${d.time}, key ${k.period}`);
  }
  for (const [n, d] of drafted.entries())
    if (!used.has(n)) misses.push(`extra ${d.item.reported} (${d.item.value} ${d.item.unit})`);
  return {
    keyed: key.figures.length,
    drafted: drafted.length,
    matched: used.size,
    correct,
    regionRight,
    periodRight,
    misses,
  };
}

const ratio = (n: number, d: number) => (d === 0 ? 0 : n / d);
export const recallOf = (s: Score) => ratio(s.correct, s.keyed);
export const precisionOf = (s: Score) => ratio(s.correct, s.drafted);

export function addScores(list: readonly Score[]): Score {
  const sum = (f: (s: Score) => number) => list.reduce((n, s) => n + f(s), 0);
  return {
    keyed: sum((s) => s.keyed),
    drafted: sum((s) => s.drafted),
    matched: sum((s) => s.matched),
    correct: sum((s) => s.correct),
    regionRight: sum((s) => s.regionRight),
    periodRight: sum((s) => s.periodRight),
    misses: list.flatMap((s) => s.misses),
  };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(6);

/** One line of the table the tests print. */
export function scoreLine(name: string, s: Score): string {
  return [
    name.padEnd(44),
    `keyed ${String(s.keyed).padStart(3)}`,
    `drafted ${String(s.drafted).padStart(3)}`,
    `recall ${pct(recallOf(s))}`,
    `precision ${pct(precisionOf(s))}`,
    `region ${pct(ratio(s.regionRight, s.matched))}`,
    `period ${pct(ratio(s.periodRight, s.matched))}`,
  ].join('  ');
}
