/**
 * Fixed-width bit sets packed into one Uint32Array per table (row i at words [i·w, (i+1)·w)), so
 * "how many models do these two have in common" is a few ANDs instead of a list intersection.
 */
export class BitTable {
  readonly words: number;
  readonly bits: Uint32Array;
  /** Members per row, so a Jaccard needs only the intersection. */
  readonly sizes: Uint16Array;

  constructor(
    readonly rows: number,
    width: number,
  ) {
    this.words = Math.max(1, Math.ceil(width / 32));
    this.bits = new Uint32Array(rows * this.words);
    this.sizes = new Uint16Array(rows);
  }

  set(row: number, bit: number): void {
    const at = row * this.words + (bit >>> 5);
    const mask = 1 << (bit & 31);
    if ((this.bits[at]! & mask) !== 0) return;
    this.bits[at] = this.bits[at]! | mask;
    this.sizes[row] = this.sizes[row]! + 1;
  }

  has(row: number, bit: number): boolean {
    return (this.bits[row * this.words + (bit >>> 5)]! & (1 << (bit & 31))) !== 0;
  }

  /** |row a ∩ row b of other| (same width). */
  common(a: number, other: BitTable, b: number): number {
    let n = 0;
    const x = a * this.words;
    const y = b * other.words;
    for (let i = 0; i < this.words; i += 1) n += popcount(this.bits[x + i]! & other.bits[y + i]!);
    return n;
  }
}

export function popcount(v: number): number {
  let x = v - ((v >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Strings to small integers, in first-seen order. */
export class Dictionary {
  private readonly ids = new Map<string, number>();

  id(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(value, id);
    }
    return id;
  }

  find(value: string): number | undefined {
    return this.ids.get(value);
  }

  get size(): number {
    return this.ids.size;
  }
}
