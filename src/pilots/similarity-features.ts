import { prefixOf } from '../core/region-codes';
import { BitTable, Dictionary } from './bitset';
import type { CountyFeatures, PracticeFeatures } from './scoring';

/** Practices' features as columns: bit sets for lists, small integers for values. */
export interface PracticeTable {
  readonly models: BitTable;
  readonly principles: BitTable;
  readonly indicators: BitTable;
  readonly category: Uint16Array;
  readonly status: Uint16Array;
  readonly level: Uint16Array;
  /** Kind of the practice's county-level unit. */
  readonly kind: Uint16Array;
  readonly unit: Int32Array;
  readonly modelIds: number[][];
}

export interface UnitTable {
  readonly models: BitTable;
  readonly principles: BitTable;
  readonly kind: Uint16Array;
  readonly autonomous: Uint8Array;
  readonly prefecture: Int32Array;
  readonly province: Int32Array;
}

/** Packs practices and units for the similarity index (every practice's unit is among `units`). */
export function packFeatures(
  practices: readonly PracticeFeatures[],
  units: readonly CountyFeatures[],
) {
  const d = dictionariesOf(practices, units);
  const { p, implementers, byKey } = packPractices(practices, units, d);
  const u = packUnits(units, d);
  return { models: d.models, byKey, p, u, implementers };
}

/**
 * Ids of list members, known before packing (they size the bit tables); `values` grows as it packs.
 */
interface Dictionaries {
  readonly models: Dictionary;
  readonly principles: Dictionary;
  readonly indicators: Dictionary;
  readonly values: Dictionary;
}

function dictionariesOf(
  practices: readonly PracticeFeatures[],
  units: readonly CountyFeatures[],
): Dictionaries {
  const d = {
    models: new Dictionary(),
    principles: new Dictionary(),
    indicators: new Dictionary(),
    values: new Dictionary(),
  };
  for (const x of [...practices, ...units]) {
    x.models.forEach((m) => d.models.id(m));
    x.principles.forEach((m) => d.principles.id(m));
  }
  practices.forEach((x) => x.indicators.forEach((m) => d.indicators.id(m)));
  return d;
}

/** The practices' table, who implements each model, and each practice's row by key. */
function packPractices(
  practices: readonly PracticeFeatures[],
  units: readonly CountyFeatures[],
  { models, principles, indicators, values }: Dictionaries,
): { p: PracticeTable; implementers: number[][]; byKey: Map<string, number> } {
  const n = practices.length;
  const unitAt = new Map(units.map((u, i) => [u.code, i]));
  const p: PracticeTable = {
    models: new BitTable(n, models.size),
    principles: new BitTable(n, principles.size),
    indicators: new BitTable(n, indicators.size),
    category: new Uint16Array(n),
    status: new Uint16Array(n),
    level: new Uint16Array(n),
    kind: new Uint16Array(n),
    unit: new Int32Array(n),
    modelIds: [],
  };
  const implementers: number[][] = Array.from({ length: models.size }, () => []);
  const byKey = new Map<string, number>();
  practices.forEach((x, i) => {
    byKey.set(x.key, i);
    p.modelIds.push(x.models.map((m) => models.id(m)));
    for (const id of p.modelIds[i]!) {
      p.models.set(i, id);
      implementers[id]!.push(i);
    }
    x.principles.forEach((m) => p.principles.set(i, principles.id(m)));
    x.indicators.forEach((m) => p.indicators.set(i, indicators.id(m)));
    p.category[i] = values.id(`c:${x.category}`);
    p.status[i] = values.id(`s:${x.status}`);
    p.level[i] = values.id(`l:${x.level}`);
    p.unit[i] = unitAt.get(x.unit.code)!;
    p.kind[i] = values.id(`k:${x.unit.kind}`);
  });
  return { p, implementers, byKey };
}

function packUnits(
  units: readonly CountyFeatures[],
  { models, principles, values }: Dictionaries,
): UnitTable {
  const size = units.length;
  const u: UnitTable = {
    models: new BitTable(size, models.size),
    principles: new BitTable(size, principles.size),
    kind: new Uint16Array(size),
    autonomous: new Uint8Array(size),
    prefecture: new Int32Array(size),
    province: new Int32Array(size),
  };
  units.forEach((x, i) => {
    x.models.forEach((m) => u.models.set(i, models.id(m)));
    x.principles.forEach((m) => u.principles.set(i, principles.id(m)));
    u.kind[i] = values.id(`k:${x.kind}`);
    u.autonomous[i] = x.autonomous ? 1 : 0;
    u.prefecture[i] = Number(prefixOf(x.code, 'PREFECTURE'));
    u.province[i] = Number(prefixOf(x.code, 'PROVINCE'));
  });
  return u;
}
