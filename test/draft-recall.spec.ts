import fs, { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Draft } from '../src/draft/draft-build';
import { readVocabulary, VOCABULARY_FILES } from '../src/draft/draft-vocabulary';
import { draftReport } from '../src/draft/draft.service';
import { type LocatedQuote, locateQuote, locateReported } from '../src/facts/citations';
import { checkSeed } from '../src/seed/seed-check';
import { readSeed } from '../src/seed/seed-files';

/**
 * `zhili draft` on the founding report, measured against the curated seed. The drafter sees a
 * copy of the seed folder holding only the vocabulary (units, indicators, names of models,
 * principles and organisations): the curated figures, regions and practices are read only
 * afterwards, to score what it proposed.
 */

const root = path.resolve(__dirname, '..');
const SEED = path.join(root, 'seed');
const REPORT = path.join(SEED, 'sources', 'kunming-2020-political-legal-highlights.txt');

interface Span {
  readonly from: number;
  readonly to: number;
}
const overlaps = (a: Span, b: Span) => a.from < b.to && b.from < a.to;
const contains = (outer: Span, inner: Span) => outer.from <= inner.from && inner.to <= outer.to;
const ratio = (n: number, d: number) => (d === 0 ? 0 : n / d);
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

let draft: Draft;
let seedReadsWhileDrafting: string[] = [];
const vocabularyOnly = mkdtempSync(path.join(os.tmpdir(), 'zhili-vocabulary-'));

beforeAll(async () => {
  for (const file of VOCABULARY_FILES)
    copyFileSync(path.join(SEED, file), path.join(vocabularyOnly, file));
  const bytes = readFileSync(REPORT);
  const spy = jest.spyOn(fs, 'readFileSync');
  try {
    draft = await draftReport({
      bytes,
      fileName: path.basename(REPORT),
      vocabulary: readVocabulary(vocabularyOnly),
    });
    seedReadsWhileDrafting = spy.mock.calls
      .map((c) => String(c[0]))
      .filter((p) => path.resolve(p).startsWith(SEED));
  } finally {
    spy.mockRestore();
  }
}, 120_000);

afterAll(() => rmSync(vocabularyOnly, { recursive: true, force: true }));

describe('draft on the founding report, scored against the curated seed', () => {
  it('read nothing of the seed folder while drafting (only the vocabulary copy)', () => {
    expect(seedReadsWhileDrafting).toEqual([]);
  });

  it('finds the curated figures (value, unit and sentence right): recall ≥ 0.90 at precision ≥ 0.80', async () => {
    const { bundle } = readSeed(SEED);
    const checked = await checkSeed(bundle, SEED);
    const texts = checked.texts;
    const text = texts.get('kunming-2020')!;
    const located = (c: Parameters<typeof locateQuote>[0]) => locateQuote(c, texts) as LocatedQuote;
    const curated = bundle.observations.map(({ item }) => {
      const quotes = (item.citations ?? []).map(located);
      const inQuote = quotes.find((q) => q.quote.includes(item.reported))!;
      const at = locateReported(inQuote, item.reported, item.reportedOccurrence) as number;
      return {
        id: item.id,
        value: item.value,
        unit: item.unit,
        region: item.region,
        reported: { from: at, to: at + item.reported.length },
        quotes: quotes.map((q) => ({ from: q.index, to: q.index + q.quote.length })),
      };
    });
    const drafted = draft.observations.map(({ item }) => {
      const q = locateQuote(
        item.citations![0]!,
        new Map([[draft.source.entry.id, text]]),
      ) as LocatedQuote;
      return {
        id: item.id,
        value: item.value,
        unit: item.unit,
        region: item.region,
        quote: { from: q.index, to: q.index + q.quote.length },
      };
    });
    const used = new Set<string>();
    const missed: string[] = [];
    let sameRegion = 0;
    for (const c of curated) {
      const same = drafted.filter(
        (d) => !used.has(d.id) && Math.abs(d.value - c.value) < 1e-9 && d.unit === c.unit,
      );
      const hit =
        same.find((d) => contains(d.quote, c.reported)) ??
        same.find((d) => c.quotes.some((q) => overlaps(q, d.quote)));
      if (hit) used.add(hit.id);
      if (hit && hit.region === c.region) sameRegion += 1;
      if (!hit) missed.push(`${c.id} ${c.value} ${c.unit}`);
    }
    const recall = ratio(used.size, curated.length);
    const precision = ratio(used.size, drafted.length);
    const extra = drafted.filter((d) => !used.has(d.id)).map((d) => `${d.id} ${d.value} ${d.unit}`);
    console.log(
      `figures: curated ${curated.length}, drafted ${drafted.length}, matched ${used.size}: recall ${pct(recall)}, precision ${pct(precision)}; region as curated for ${pct(ratio(sameRegion, used.size))} of the matched\nmissed: ${missed.join('; ')}\nnot curated: ${extra.join('; ')}`,
    );
    expect(recall).toBeGreaterThanOrEqual(0.9);
    expect(precision).toBeGreaterThanOrEqual(0.8);
  });

  it('resolves the regions the curated figures and practices sit in, and names the known models', () => {
    const { bundle } = readSeed(SEED);
    const curatedRegions = new Set([
      ...bundle.observations.map((o) => o.item.region),
      ...bundle.practices.map((p) => p.item.region),
    ]);
    const proposedRegions = new Set([
      ...draft.observations.map((o) => o.item.region),
      ...draft.regions.map((r) => r.item.code),
    ]);
    const regionHits = [...curatedRegions].filter((c) => proposedRegions.has(c)).length;
    const cited = new Set(
      bundle.models.filter((m) => (m.item.citations ?? []).length > 0).map((m) => m.item.slug),
    );
    const mentioned = draft.mentions.filter((m) => m.kind === 'model').map((m) => m.key);
    const proposedModels = [...mentioned, ...draft.models.map((m) => m.item.slug)];
    const modelHits = mentioned.filter((slug) => cited.has(slug)).length;
    console.log(
      `regions: curated ${curatedRegions.size}, proposed ${proposedRegions.size}, matched ${regionHits}: recall ${pct(ratio(regionHits, curatedRegions.size))}, precision ${pct(ratio(regionHits, proposedRegions.size))}\n` +
        `model mentions: curated ${cited.size}, proposed ${proposedModels.length} (${draft.models.length} candidate new), matched ${modelHits}: recall ${pct(ratio(modelHits, cited.size))}, precision ${pct(ratio(modelHits, proposedModels.length))}`,
    );
    expect(ratio(regionHits, curatedRegions.size)).toBeGreaterThan(0.5);
    expect(ratio(modelHits, cited.size)).toBeGreaterThan(0.5);
  });
});
