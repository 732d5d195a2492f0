/**
 * The benchmark's generated practice layer, deterministic from a seed: the same seed and the same
 * gazetteer give the same graph, byte for byte. It is laid over the real seed graph and marked
 * `bench: true`, and every generated fact is editorial, with the generator as its basis — none of
 * it is a claim about a real place.
 *
 * - models: `models` of them (≈200 at national scale), named from a syllable pool, each built on
 *   3–6 of the seed's principles; model i ≥ 8 derives from an earlier one, so lineage trees reach
 *   depth 6 or more; every tenth root derives from a real seed model.
 * - practices: ≈50,000 over the 2,978 county-level units at national scale (in proportion to
 *   the counties loaded), 60% at county level and 40% in one of the county's townships; each
 *   implements 1–3 models, popular models chosen more often (a Zipf-like draw).
 * - observations: 3–9 per practice (≈6, so ≈300,000 nationally), each a figure of one of the
 *   seed's indicators for a year from 2019 to 2023, quoted by a sentence of the generated source.
 */
export interface County {
  readonly code: string;
  readonly name: string;
  readonly townships: readonly string[];
}

export interface LayerInput {
  readonly seed: number;
  readonly counties: readonly County[];
  /** Principle slugs of the seed, in a stable order. */
  readonly principles: readonly string[];
  readonly indicators: ReadonlyArray<{ code: string; name: string; unit: string }>;
  /** Real models some generated roots derive from. */
  readonly seedModels: readonly string[];
  readonly models: number;
  /** Practices per county-level unit (50,000 / 2,978 nationally). */
  readonly practicesPerCounty: number;
}

export interface GeneratedLayer {
  readonly sourceText: string;
  readonly citations: Array<{ id: string; quote: string; offset: number; length: number }>;
  readonly models: Array<{
    slug: string;
    name: string;
    nameEn: string;
    kind: string;
    principles: string[];
    parent: string | null;
    relation: string;
  }>;
  readonly practices: Array<{
    id: string;
    name: string;
    nameEn: string;
    region: string;
    category: string;
    status: string;
    startDate: string;
    startPrecision: string;
    startSort: string;
    models: string[];
    citation: string;
  }>;
  readonly observations: Array<{
    id: string;
    indicator: string;
    unit: string;
    value: number;
    period: string;
    periodStart: string;
    periodEnd: string;
    region: string;
    practice: string;
    reported: string;
    citation: string;
  }>;
}

/** A small, fast, seedable PRNG (32-bit state), so the layer is the same on every machine. */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = [
  '和',
  '安',
  '平',
  '枫',
  '桥',
  '德',
  '善',
  '治',
  '融',
  '合',
  '睦',
  '邻',
  '清',
  '风',
  '明',
  '理',
  '信',
  '义',
  '协',
  '商',
  '共',
  '建',
  '网',
  '格',
  '联',
  '调',
  '解',
  '新',
  '乡',
  '贤',
];
const KINDS: ReadonlyArray<[string, string]> = [
  ['EXPERIENCE', '经验'],
  ['MODEL', '模式'],
  ['MECHANISM', '机制'],
  ['PROGRAMME', '工程'],
  ['PLATFORM', '平台'],
];
const RELATIONS = ['ADAPTATION', 'EXTENSION', 'DIGITALISATION', 'LOCALISATION', 'INSPIRATION'];
const CATEGORIES = [
  'MEDIATION',
  'LITIGATION_SOURCE_GOVERNANCE',
  'PARTY_BUILDING',
  'GRID_MANAGEMENT',
  'SMART_SECURITY',
  'VILLAGE_COMPACT',
  'LEGAL_SERVICE',
  'RISK_PREVENTION',
];
const STATUSES = ['PILOT', 'PILOT', 'ROLLED_OUT', 'ROLLED_OUT', 'ROLLED_OUT', 'PLANNED', 'ENDED'];
const YEARS = [2019, 2020, 2021, 2022, 2023];

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/**
 * Builds the source text and citations as it goes: each quote is a sentence appended to the text.
 */
class SourceWriter {
  private readonly parts: string[] = [];
  private codePoints = 0;
  readonly citations: GeneratedLayer['citations'] = [];

  cite(id: string, sentence: string): string {
    this.citations.push({
      id,
      quote: sentence,
      offset: this.codePoints,
      length: [...sentence].length,
    });
    this.parts.push(sentence);
    this.codePoints += [...sentence].length;
    return id;
  }

  get text(): string {
    return this.parts.join('');
  }
}

function generateModels(input: LayerInput, random: () => number): GeneratedLayer['models'] {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  return Array.from({ length: input.models }, (_, i) => {
    const [kind, suffix] = KINDS[i % KINDS.length]!;
    const stem = `${pick(SYLLABLES)}${pick(SYLLABLES)}`;
    const principles = new Set<string>();
    const count = 3 + Math.floor(random() * 4);
    while (principles.size < Math.min(count, input.principles.length))
      principles.add(pick(input.principles));
    const parent =
      i >= 8
        ? `bench-model-${pad(Math.floor(random() * i), 3)}`
        : input.seedModels.length && i % 10 === 0
          ? pick(input.seedModels)
          : null;
    return {
      slug: `bench-model-${pad(i, 3)}`,
      name: `${stem}${suffix}${i}`,
      nameEn: `Bench ${kind.toLowerCase()} ${i}`,
      kind,
      principles: [...principles],
      parent,
      relation: pick(RELATIONS),
    };
  });
}

/** Model index drawn with probability ∝ 1/(rank+1): a few models are everywhere, most are rare. */
function zipf(n: number, random: () => number): () => number {
  const weights = Array.from({ length: n }, (_, i) => 1 / (i + 1));
  const total = weights.reduce((a, b) => a + b, 0);
  const cumulative: number[] = [];
  let sum = 0;
  for (const w of weights) cumulative.push((sum += w / total));
  return () => {
    const r = random();
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < r) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

export function generateLayer(input: LayerInput): GeneratedLayer {
  const random = prng(input.seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const source = new SourceWriter();
  const models = generateModels(input, random);
  const popular = zipf(models.length, random);
  const modelName = new Map(models.map((m) => [m.slug, m.name]));
  const practices: GeneratedLayer['practices'] = [];
  const observations: GeneratedLayer['observations'] = [];
  const total = Math.round(input.counties.length * input.practicesPerCounty);
  for (let i = 0; i < total; i += 1) {
    const county = input.counties[Math.floor(random() * input.counties.length)]!;
    const region = county.townships.length && random() < 0.4 ? pick(county.townships) : county.code;
    const implemented = [
      ...new Set(
        Array.from({ length: 1 + Math.floor(random() * 3) }, () => models[popular()]!.slug),
      ),
    ];
    const year = 2012 + Math.floor(random() * 12);
    const month = 1 + Math.floor(random() * 12);
    const id = `bench-practice-${pad(i, 6)}`;
    const name = `${county.name}${modelName.get(implemented[0]!)}实践${i}`;
    const citation = source.cite(
      `bench-c-p${pad(i, 6)}`,
      `${county.name}自${year}年${month}月起开展${name}。`,
    );
    practices.push({
      id,
      name,
      nameEn: `Bench practice ${i}`,
      region,
      category: pick(CATEGORIES),
      status: pick(STATUSES),
      startDate: `${year}-${pad(month, 2)}`,
      startPrecision: 'MONTH',
      startSort: `${year}-${pad(month, 2)}-01`,
      models: implemented,
      citation,
    });
    const figures = 3 + Math.floor(random() * 7);
    for (let k = 0; k < figures; k += 1) {
      const indicator = pick(input.indicators);
      const period = pick(YEARS);
      const value =
        indicator.unit === 'percent'
          ? Math.round(random() * 10000) / 100
          : Math.floor(random() * 5000);
      const reported = `${indicator.name}${value}`;
      const oid = `bench-obs-${pad(i, 6)}-${k}`;
      observations.push({
        id: oid,
        indicator: indicator.code,
        unit: indicator.unit,
        value,
        period: String(period),
        periodStart: `${period}-01-01`,
        periodEnd: `${period}-12-31`,
        region,
        practice: id,
        reported,
        citation: source.cite(`bench-c-o${pad(i, 6)}-${k}`, `${period}年，${name}${reported}。`),
      });
    }
  }
  return { sourceText: source.text, citations: source.citations, models, practices, observations };
}
