/**
 * The scales the benchmark runs at, so the curve shows how cost grows: the seed (the graph `npm
 * start` loads: the seed graph with Yunnan's regions, no generated layer), Yunnan (the founding
 * report's province), a quarter of China (Shandong, Hebei, Henan: 175,971 of 665,276 official
 * units, 26%), and all of China. Each has its own data folder, loaded once and reused.
 */
export interface Scale {
  readonly name: string;
  readonly provinces: readonly string[] | 'all';
  /** False for the seed graph alone, without bench/generate.ts's layer. */
  readonly layer: boolean;
}

export const SCALES: readonly Scale[] = [
  { name: 'seed', provinces: ['53'], layer: false },
  { name: 'yunnan', provinces: ['53'], layer: true },
  { name: 'quarter', provinces: ['37', '13', '41'], layer: true },
  { name: 'china', provinces: 'all', layer: true },
];

export const scaleNamed = (name: string): Scale => {
  const scale = SCALES.find((s) => s.name === name);
  if (!scale)
    throw new Error(`unknown scale "${name}" (one of ${SCALES.map((s) => s.name).join(', ')})`);
  return scale;
};

/**
 * Generated layer sizes at national scale (2,978 county-level units): ≈50,000 practices, ≈200
 * models.
 */
export const NATIONAL_COUNTIES = 2978;
export const PRACTICES_PER_COUNTY = 50_000 / NATIONAL_COUNTIES;
export const MODELS = 200;
export const LAYER_SEED = 20_201_125;
/**
 * Bump when the generator or what the load writes changes, so old bench data is rebuilt rather than
 * reused (2: search keys on regions and generated facts).
 */
export const LAYER_VERSION = 2;
